"""CodeArtifact, which moto lacks: domains, repositories, upstreams, external connections, and
the packages a build fetches through them (`fetch`, what the repository endpoint does for npm,
pip, Maven or NuGet: the emulated build calls it in-process)."""

from datetime import datetime, timezone

from wire import ServiceError, epoch

# The formats of the public connections AWS offers (CodeArtifact user guide, "Supported external connection repositories").
EXTERNAL_CONNECTIONS = {
    "public:npmjs": "npm", "public:pypi": "pypi", "public:maven-central": "maven",
    "public:maven-googleandroid": "maven", "public:maven-gradleplugins": "maven",
    "public:maven-commonsware": "maven", "public:maven-clojars": "maven",
    "public:nuget-org": "nuget", "public:ruby-gems-org": "ruby", "public:crates-io": "cargo",
}


def _not_found(kind, name):
    return ServiceError("ResourceNotFoundException", f"{kind} not found: {name}")


class CodeArtifact:
    def __init__(self):
        self.domains = {}  # (region, domain name) -> domain record

    def _domain(self, params, context):
        owner = params.get("domainOwner", context.account)
        domain = self.domains.get((context.region, params["domain"]))
        if domain is None or owner != context.account:
            raise _not_found("Domain", params["domain"])
        return domain

    def _repository(self, params, context):
        domain = self._domain(params, context)
        repository = domain["repositories"].get(params["repository"])
        if repository is None:
            raise _not_found("Repository", f"{params['repository']} in domain {params['domain']}")
        return domain, repository

    @staticmethod
    def _describe_domain(domain):
        fields = ("name", "owner", "arn", "status", "createdTime", "encryptionKey", "s3BucketArn")
        return dict({key: domain[key] for key in fields},
                    repositoryCount=len(domain["repositories"]), assetSizeBytes=0)

    @staticmethod
    def _describe_repository(repository):
        return {key: value for key, value in repository.items() if key not in ("tags", "packages")}

    def CreateDomain(self, params, context):
        key = (context.region, params["domain"])
        if key in self.domains:
            raise ServiceError("ConflictException", f"Domain {params['domain']} already exists")
        prefix = f"arn:aws:codeartifact:{context.region}:{context.account}"
        self.domains[key] = {
            "name": params["domain"], "owner": context.account, "arn": f"{prefix}:domain/{params['domain']}",
            "status": "Active", "createdTime": epoch(datetime.now(timezone.utc)),
            "encryptionKey": params.get("encryptionKey",
                                        f"arn:aws:kms:{context.region}:{context.account}:alias/aws/codeartifact"),
            # The assets bucket belongs to AWS, not to the caller.
            "s3BucketArn": f"arn:aws:s3:::assets-193858265520-{context.region}",
            "repositories": {}, "tags": params.get("tags", []),
        }
        return {"domain": self._describe_domain(self.domains[key])}

    def DescribeDomain(self, params, context):
        return {"domain": self._describe_domain(self._domain(params, context))}

    def ListDomains(self, params, context):
        return {"domains": [{key: domain[key] for key in ("name", "owner", "arn", "status",
                                                          "createdTime", "encryptionKey")}
                            for (region, _), domain in sorted(self.domains.items()) if region == context.region]}

    def DeleteDomain(self, params, context):
        domain = self._domain(params, context)
        if domain["repositories"]:
            raise ServiceError("ConflictException",
                               f"Domain {domain['name']} contains repositories and cannot be deleted")
        del self.domains[(context.region, domain["name"])]
        return {"domain": dict(self._describe_domain(domain), status="Deleted")}

    def _upstreams(self, domain, params):
        upstreams = params.get("upstreams", [])
        for upstream in upstreams:
            if upstream["repositoryName"] not in domain["repositories"]:
                raise _not_found("Repository", upstream["repositoryName"])
        return [{"repositoryName": upstream["repositoryName"]} for upstream in upstreams]

    def CreateRepository(self, params, context):
        domain = self._domain(params, context)
        name = params["repository"]
        if name in domain["repositories"]:
            raise ServiceError("ConflictException",
                               f"Repository {name} already exists in domain {domain['name']}")
        repository = {
            "name": name, "administratorAccount": context.account, "domainName": domain["name"],
            "domainOwner": domain["owner"],
            "arn": f"arn:aws:codeartifact:{context.region}:{context.account}:repository/{domain['name']}/{name}",
            "description": params.get("description", ""), "upstreams": self._upstreams(domain, params),
            "externalConnections": [], "createdTime": epoch(datetime.now(timezone.utc)),
            "tags": params.get("tags", []), "packages": {},
        }
        domain["repositories"][name] = repository
        return {"repository": self._describe_repository(repository)}

    def DescribeRepository(self, params, context):
        return {"repository": self._describe_repository(self._repository(params, context)[1])}

    def UpdateRepository(self, params, context):
        domain, repository = self._repository(params, context)
        if "upstreams" in params:
            repository["upstreams"] = self._upstreams(domain, params)
        if "description" in params:
            repository["description"] = params["description"]
        return {"repository": self._describe_repository(repository)}

    def ListRepositoriesInDomain(self, params, context):
        domain = self._domain(params, context)
        prefix = params.get("repositoryPrefix", "")
        return {"repositories": [
            {key: repository[key] for key in ("name", "administratorAccount", "domainName",
                                              "domainOwner", "arn", "description", "createdTime")}
            for name, repository in sorted(domain["repositories"].items()) if name.startswith(prefix)]}

    def DeleteRepository(self, params, context):
        domain, repository = self._repository(params, context)
        dependents = [other["name"] for other in domain["repositories"].values()
                      if {"repositoryName": repository["name"]} in other["upstreams"]]
        if dependents:
            raise ServiceError("ConflictException", f"Repository {repository['name']} is an upstream "
                               f"of {', '.join(dependents)} and cannot be deleted")
        del domain["repositories"][repository["name"]]
        return {"repository": self._describe_repository(repository)}

    def AssociateExternalConnection(self, params, context):
        _, repository = self._repository(params, context)
        name = params["externalConnection"]
        if name not in EXTERNAL_CONNECTIONS:
            raise ServiceError("ValidationException", f"Unknown external connection: {name}")
        if repository["externalConnections"]:
            raise ServiceError("ConflictException",
                               f"Repository {repository['name']} already has an external connection")
        repository["externalConnections"] = [{"externalConnectionName": name,
                                              "packageFormat": EXTERNAL_CONNECTIONS[name],
                                              "status": "Available"}]
        return {"repository": self._describe_repository(repository)}

    def DisassociateExternalConnection(self, params, context):
        _, repository = self._repository(params, context)
        if [c["externalConnectionName"] for c in repository["externalConnections"]] != [params["externalConnection"]]:
            raise _not_found("External connection", params["externalConnection"])
        repository["externalConnections"] = []
        return {"repository": self._describe_repository(repository)}

    def GetRepositoryEndpoint(self, params, context):
        domain, repository = self._repository(params, context)
        return {"repositoryEndpoint": f"https://{domain['name']}-{domain['owner']}.d.codeartifact."
                                      f"{context.region}.amazonaws.com/{params['format']}/{repository['name']}/"}

    def GetAuthorizationToken(self, params, context):
        self._domain(params, context)
        seconds = params.get("durationSeconds") or 43200
        return {"authorizationToken": "emulated-codeartifact-token",
                "expiration": epoch(datetime.now(timezone.utc)) + seconds}

    def ListPackageVersions(self, params, context):
        _, repository = self._repository(params, context)
        key = (params["format"], params.get("namespace", ""), params["package"])
        versions = repository["packages"].get(key)
        if versions is None:
            raise _not_found("Package", f"{params['package']} in repository {repository['name']}")
        answer = {"format": params["format"], "package": params["package"],
                  "defaultDisplayVersion": sorted(versions)[-1],
                  "versions": [{"version": version, "revision": f"rev-{version}", "status": "Published",
                                "origin": origin} for version, origin in sorted(versions.items())]}
        if params.get("namespace"):
            answer["namespace"] = params["namespace"]
        return answer

    def fetch(self, region, domain_name, repository_name, package_format, namespace, package, version):
        """A tool asks a repository for a package version: one the repository holds is served;
        else its upstreams are searched in order, and the first repository on the way whose
        external connection serves the format ingests it from the public registry. Every
        repository on the path keeps it, with the external origin. Returns an error message, or
        None once the version is served."""
        domain = self.domains.get((region, domain_name))
        if domain is None or repository_name not in domain["repositories"]:
            return f"repository {repository_name} of domain {domain_name} not found"
        key = (package_format, namespace, package)
        found = self._find(domain, domain["repositories"][repository_name], key, version, set())
        if found is None:
            return f"{package}@{version} is not in {repository_name} nor in any of its upstreams"
        path, origin = found
        for repository in path:
            repository["packages"].setdefault(key, {})[version] = origin
        return None

    def _find(self, domain, repository, key, version, seen):
        """The repositories from `repository` to one holding the version or able to ingest it,
        and the version's origin; None when no upstream has it."""
        held = repository["packages"].get(key, {})
        if version in held:
            return [repository], held[version]
        connections = [c["externalConnectionName"] for c in repository["externalConnections"]
                       if c["packageFormat"] == key[0]]
        if connections:
            return [repository], {"domainEntryPoint": {"externalConnectionName": connections[0]},
                                  "originType": "EXTERNAL"}
        seen.add(repository["name"])
        for upstream in repository["upstreams"]:
            if upstream["repositoryName"] not in seen:
                found = self._find(domain, domain["repositories"][upstream["repositoryName"]], key, version, seen)
                if found is not None:
                    return [repository] + found[0], found[1]
        return None

    def ListTagsForResource(self, params, context):
        for domain in self.domains.values():
            for record in [domain, *domain["repositories"].values()]:
                if record["arn"] == params["resourceArn"]:
                    return {"tags": record["tags"]}
        raise _not_found("Resource", params["resourceArn"])
