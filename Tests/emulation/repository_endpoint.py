"""A CodeArtifact repository endpoint on 127.0.0.1, for building the sample apps here.

Like CodeArtifact's, it refuses a request without the token the login sets up: npm sends it as
a bearer token, pip and Maven as the password of user aws (basic auth). It serves real packages:
  /npm/REPO/NAME and /npm/REPO/-/FILE.tgz  from the tarballs in --npm (packuments made here)
  /pypi/REPO/simple/NAME/ and /pypi/REPO/files/FILE  from the wheels in --pypi
  /maven/REPO/PATH  from --maven (Debian's /usr/share/maven-repo)
Each request is logged to --log as "STATUS METHOD PATH", one a line; it prints its port.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import tarfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", required=True)
    parser.add_argument("--npm")
    parser.add_argument("--pypi")
    parser.add_argument("--maven")
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    log = open(args.log, "a", buffering=1)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def authorized(self):
            header = self.headers.get("Authorization", "")
            if header == "Bearer " + args.token:
                return True
            basic = "Basic " + base64.b64encode(("aws:" + args.token).encode()).decode()
            return header == basic

        def reply(self, status, body=b"", kind="application/octet-stream", extra=()):
            log.write("%d %s %s\n" % (status, self.command, self.path))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra:
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            if not self.authorized():
                # Maven and pip send credentials once challenged; npm sends its token at once.
                return self.reply(401, extra=[("WWW-Authenticate", 'Basic realm="codeartifact"')])
            base = "http://%s:%d" % self.server.server_address
            path = self.path.split("?")[0]
            m = re.fullmatch(r"/npm/[^/]+/(-/)?([^/]+)", path)
            if m and args.npm:
                return self.npm(base, path, m.group(1), m.group(2))
            m = re.fullmatch(r"/pypi/[^/]+/(simple/([^/]+)/|files/([^/]+))", path)
            if m and args.pypi:
                return self.pypi(base, path, m.group(2), m.group(3))
            m = re.fullmatch(r"/maven/[^/]+/(.+)", path)
            if m and args.maven:
                # Debian's repository links its jars to /usr/share/java: only the path is checked.
                file = os.path.normpath(os.path.join(args.maven, m.group(1)))
                if file.startswith(os.path.normpath(args.maven) + "/") and os.path.isfile(file):
                    return self.reply(200, open(file, "rb").read())
            self.reply(404)

        def npm(self, base, path, dash, name):
            if dash:
                file = os.path.join(args.npm, name)
                return self.reply(200, open(file, "rb").read()) if os.path.isfile(file) else self.reply(404)
            versions = {}
            for file in sorted(os.listdir(args.npm)):
                data = open(os.path.join(args.npm, file), "rb").read()
                with tarfile.open(os.path.join(args.npm, file)) as tar:
                    manifest = json.load(tar.extractfile("package/package.json"))
                if manifest["name"] != name:
                    continue
                manifest["dist"] = {
                    "tarball": "%s%s/-/%s" % (base, path.rsplit("/", 1)[0], file),
                    "shasum": hashlib.sha1(data).hexdigest(),
                    "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(),
                }
                versions[manifest["version"]] = manifest
            if not versions:
                return self.reply(404)
            latest = sorted(versions)[-1]
            body = {"name": name, "dist-tags": {"latest": latest}, "versions": versions}
            self.reply(200, json.dumps(body).encode(), "application/json")

        def pypi(self, base, path, project, file):
            if file:
                full = os.path.join(args.pypi, file)
                return self.reply(200, open(full, "rb").read()) if os.path.isfile(full) else self.reply(404)
            normal = re.sub(r"[-_.]+", "-", project).lower()
            repository = path.split("/simple/")[0]
            links = ["<a href=\"%s%s/files/%s#sha256=%s\">%s</a>" % (
                base, repository, wheel, hashlib.sha256(open(os.path.join(args.pypi, wheel), "rb").read()).hexdigest(), wheel)
                for wheel in sorted(os.listdir(args.pypi))
                if re.sub(r"[-_.]+", "-", wheel.split("-")[0]).lower() == normal]
            if not links:
                return self.reply(404)
            self.reply(200, ("<html><body>%s</body></html>" % "".join(links)).encode(), "text/html")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
