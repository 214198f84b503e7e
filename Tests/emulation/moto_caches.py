"""What moto 5.2.1 reads again on every request though it never changes in a process, kept once
read: the emulator's speed only; moto answers the same. Applied before the fork server forks, so
that every emulator starts with them."""

import functools

import moto.backends
import moto.core.responses
import moto.core.utils


_applied = False


def apply():
    """Once a process (an emulator forked from the fork server has them already)."""
    global _applied
    if _applied:
        return
    _applied = True
    # The names of moto's service folders, listed from the disk for every request's host.
    modules = tuple(moto.backends.list_of_moto_modules())
    moto.backends.list_of_moto_modules = lambda: modules
    # A response class's method names (inspect.getmembers), for every request's action.
    moto.core.responses.method_names_from_class = functools.cache(moto.core.utils.method_names_from_class)
    # A service's name from moto's package name, through a new botocore session and the list of
    # botocore's services, for every error answered.
    moto.core.utils.service_name_from_moto_package_name = functools.cache(moto.core.utils.service_name_from_moto_package_name)
