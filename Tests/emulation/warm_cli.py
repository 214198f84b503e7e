"""A warm AWS CLI for the integration tests: a server that has imported the AWS CLI, read
botocore's data files and built the CLI's driver once runs the calls (forkserver.py), so that a
call skips the imports and reading that are most of its cost. Its workers, copies of it, run
calls one after another in-process, and after each put back all a call changes in the CLI's
driver, session, event handlers, loggers and signals (Pristine): 0.03 s of CPU a call instead of
0.06 s in a child forked for each call, and 1.1 s for the CLI's own process.

start(FOLDER) writes FOLDER/bin/aws, the client to put first on the PATH; a worker runs the
CLI's driver with the caller's arguments, environment, folder and streams, as the `aws` script
does. With the server gone, the client runs the AWS CLI itself. The server ends with the process
that started it; VPCPIPE_CLI_WORKERS sets how many workers it keeps (6).

    python3 Tests/emulation/warm_cli.py FOLDER

is the same server in a process of its own, which has imported nothing else: the emulators' fork
server (emulator.py --fork-server) starts one for all its emulators. Its workers are copies of
it, and on this machine a copy costs CPU by the process's size: 92 MB here, 203 MB forked from
an emulator, with moto beside it.
"""

import copy
import ctypes
import logging
import os
import shutil
import signal
import sys
import sysconfig
import warnings

import forkserver

# The services the scripts and the tests call.
SERVICES = ("sts", "ec2", "iam", "s3", "logs", "codeartifact", "codecommit", "codebuild", "codepipeline", "events")


def start(folder):
    """Warms this process (once), then forks the server; returns its pid once it listens."""
    warm()
    listener = listen(folder)
    pid = os.fork()
    if pid == 0:
        serve(folder, listener)
    listener.close()
    return pid


def listen(folder):
    cli = os.path.join(sysconfig.get_path("scripts"), "aws")
    return forkserver.listen(folder, "aws", [cli if os.path.exists(cli) else shutil.which("aws")])


def serve(folder, listener):
    """Serves calls until the process that started this one ends; never returns."""
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: end with the parent

    def end(*_):
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, end)
    if os.getppid() == 1:  # the parent ended before the signal was asked for
        end()
    forkserver.serve_in_workers(listener, call, reset, workers=int(os.environ.get("VPCPIPE_CLI_WORKERS", "6")))


_warm = False


def warm():
    """What every call would do first: import the CLI, and read botocore's data files (the
    services' models, endpoints, the CLI's own data), which a loader keeps once read. Each child
    gets a copy of this process, so nothing a call does reaches another. Once a process."""
    global _warm
    if _warm:
        return
    _warm = True
    import awscli.clidriver  # noqa: F401
    import awscli.handlers  # noqa: F401
    import botocore.loaders
    import botocore.session

    loaders = {}

    def create_loader(search_path_string=None):
        if search_path_string not in loaders:
            loaders[search_path_string] = botocore.loaders.create_loader(search_path_string)
        return loaders[search_path_string]

    botocore.session.create_loader = create_loader
    keep_ssl_context()
    # Read through a session as the CLI's does, so that the loader's cache (keyed by the exact
    # call) holds what each call will ask for: the list of services, the CLI's data, and each
    # service's model, endpoint rules, paginators and waiters, read by creating its client.
    session = botocore.session.Session()
    session.get_available_services()
    session.get_data("cli")
    for service in SERVICES:
        session.create_client(service, region_name="us-west-2", aws_access_key_id="warm", aws_secret_access_key="warm")
        for model in (session.get_paginator_model, session.get_waiter_model):
            try:
                model(service)
            except Exception:
                pass  # a service without waiters
    build_driver()
    global _pristine
    _pristine = Pristine(_driver)


# The CLI's driver, built once with its table of commands (and each called service's): building
# them is half of what a call spends. Nothing in them depends on the caller's environment but
# the data path their loader reads, and the configuration file, which call() makes the driver read
# again. (A CLI plugin named in a caller's configuration is not loaded: the tests use none.)
_driver = None
_driver_data_path = None


def build_driver():
    global _driver, _driver_data_path
    import awscli.clidriver
    saved = dict(os.environ)
    os.environ["AWS_DATA_PATH"] = _driver_data_path = data_path({})
    try:
        _driver = awscli.clidriver.create_clidriver()
        commands = _driver._get_command_table()
        keep_models_and_client_classes(_driver.session)
        for service in SERVICES + ("s3api",):
            getattr(commands[service], "_get_command_table", lambda: None)()
            if service in SERVICES:
                _driver.session.create_client(service, region_name="us-west-2", aws_access_key_id="warm",
                                              aws_secret_access_key="warm")
    finally:
        os.environ.clear()
        os.environ.update(saved)


def keep_ssl_context():
    """Every client makes an SSL context (OpenSSL's defaults read, a twentieth of a call), though
    the emulation is plain HTTP: one is made here, for every call."""
    import botocore.httpsession

    context = botocore.httpsession.create_urllib3_context()
    botocore.httpsession.URLLib3Session._get_ssl_context = lambda self: context


def keep_models_and_client_classes(session):
    """A client's class and its service's model are built from the service's data alone: the
    clients of the driver's session keep each once built (a fifth of a call's CPU, most for ec2)."""
    import botocore.client

    load_service_model = botocore.client.ClientCreator._load_service_model
    create_client_class = botocore.client.ClientCreator._create_client_class
    loader = session.get_component("data_loader")
    models, classes = {}, {}

    def kept_model(self, service_name, api_version=None):
        if self._loader is not loader:
            return load_service_model(self, service_name, api_version)
        if (service_name, api_version) not in models:
            models[service_name, api_version] = load_service_model(self, service_name, api_version)
        return models[service_name, api_version]

    def kept_class(self, service_name, service_model):
        if self._loader is not loader:
            return create_client_class(self, service_name, service_model)
        if service_model not in classes:
            classes[service_model] = create_client_class(self, service_name, service_model)
        return classes[service_model]

    botocore.client.ClientCreator._load_service_model = kept_model
    botocore.client.ClientCreator._create_client_class = kept_class


def data_path(environment):
    """As importing awscli does in a process of its own: its data folder last on AWS_DATA_PATH."""
    import awscli
    parts = [os.path.expanduser(os.path.expandvars(part))
             for part in environment.get("AWS_DATA_PATH", "").split(os.pathsep) if part]
    return os.pathsep.join(parts + [os.path.join(os.path.dirname(awscli.__file__), "data")])


class Pristine:
    """What a call of the driver changes, as it was when the server was warmed, to put back
    after each call: the session's variables, components and credentials (a call's --region,
    --profile, credentials), its event handlers (--no-sign-request registers one for good), the
    lazily built tables of the driver, its commands and their operations (their building
    registers handlers), the loggers (--debug, and a handler added at every call), the signals'
    handlers, the history recorder's handlers and the warnings' filters. EmulatorTests checks
    calls that change each, one after another."""

    def __init__(self, driver):
        import awscli.clidriver
        self.driver = driver
        session = driver.session
        self.session = dict(vars(session))
        self.instance_vars = dict(session._session_instance_vars)
        self.components = [(locator, dict(locator._components), dict(locator._deferred))
                           for locator in (session._components, session._internal_components)]
        emitter = session._original_handler
        self.handlers = copy.copy(emitter._handlers), dict(emitter._unique_id_handlers)
        self.objects = [(driver, dict(vars(driver)))]
        for command in (driver._command_table or {}).values():
            self.objects.append((command, dict(vars(command))))
            for operation in (getattr(command, "_command_table", None) or {}).values():
                self.objects.append((operation, dict(vars(operation))))
        self.loggers = [(logger, logger.level, list(logger.handlers), logger.propagate, logger.disabled)
                        for logger in self._loggers()]
        self.signals = {number: signal.getsignal(number) for number in signal.valid_signals()
                        if number not in (signal.SIGKILL, signal.SIGSTOP)}
        recorder = awscli.clidriver.HISTORY_RECORDER
        self.history = dict(vars(recorder), _handlers=list(recorder._handlers))
        self.warnings = list(warnings.filters)

    @staticmethod
    def _loggers():
        return [logging.getLogger()] + [logger for logger in logging.Logger.manager.loggerDict.values()
                                        if isinstance(logger, logging.Logger)]

    def restore(self):
        import awscli.clidriver
        session = self.driver.session
        vars(session).clear()
        vars(session).update(self.session)
        session._session_instance_vars.clear()
        session._session_instance_vars.update(self.instance_vars)
        for locator, components, deferred in self.components:
            locator._components.clear()
            locator._components.update(components)
            locator._deferred.clear()
            locator._deferred.update(deferred)
        emitter = session._original_handler
        emitter._handlers = copy.copy(self.handlers[0])
        emitter._unique_id_handlers = dict(self.handlers[1])
        emitter._lookup_cache = {}
        for thing, attributes in self.objects:
            vars(thing).clear()
            vars(thing).update(attributes)
        for logger in self._loggers():
            logger.handlers.clear()  # a logger made by the call
        for logger, level, handlers, propagate, disabled in self.loggers:
            if logger.level != level:  # setLevel clears every logger's cache
                logger.setLevel(level)
            logger.handlers[:] = handlers
            logger.propagate, logger.disabled = propagate, disabled
        for number, handler in self.signals.items():
            if handler is not None and signal.getsignal(number) is not handler:
                signal.signal(number, handler)
        recorder = awscli.clidriver.HISTORY_RECORDER
        vars(recorder).clear()
        vars(recorder).update(self.history, _handlers=list(self.history["_handlers"]))
        warnings.filters[:] = self.warnings


_pristine = None


def reset():
    """After a call in a worker: the driver as it was warmed (see Pristine)."""
    _pristine.restore()
    return True


def call(environment):
    """In a worker: one call of the CLI, as the `aws` script makes it."""
    import awscli.clidriver
    environment["AWS_DATA_PATH"] = data_path(environment)
    if environment.get("LC_CTYPE") == "UTF-8":  # as the aws script does
        environment["LC_CTYPE"] = "en_US.UTF-8"
    os.environ.clear()
    os.environ.update(environment)
    if _driver is None or environment["AWS_DATA_PATH"] != _driver_data_path:
        return awscli.clidriver.main()
    # What the driver read of the configuration when it was built is read again, from the
    # caller's AWS_CONFIG_FILE and profile (the session reads the environment as it goes).
    _driver.session._config = None
    _driver.session._profile_map = None
    status = _driver.main(sys.argv[1:])
    awscli.clidriver.HISTORY_RECORDER.record("CLI_RC", status, "CLI")
    return status


if __name__ == "__main__":
    warm()
    listener = listen(sys.argv[1])
    print("ready", flush=True)
    serve(sys.argv[1], listener)
