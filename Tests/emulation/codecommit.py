"""CodeCommit with commits: moto keeps repositories but has no branches, files or commits."""

import hashlib
import uuid
from datetime import datetime, timezone

from wire import ServiceError, blob, epoch, unblob


def _git_id(kind, data: bytes):
    return hashlib.sha1(f"{kind} {len(data)}\0".encode() + data).hexdigest()


def _path(text):
    return text.strip("/")


def _tree_id(tree, folder=""):
    entries = sorted((path, _git_id("blob", content), mode) for path, (content, mode) in tree.items()
                     if not folder or path.startswith(folder + "/"))
    return _git_id("tree", repr(entries).encode())


class CodeCommit:
    def __init__(self):
        self.repositories = {}  # (region, name) -> repository record

    def _repository(self, params, context):
        repository = self.repositories.get((context.region, params["repositoryName"]))
        if repository is None:
            raise ServiceError("RepositoryDoesNotExistException",
                               f"{params['repositoryName']} does not exist")
        return repository

    def CreateRepository(self, params, context):
        name = params["repositoryName"]
        if (context.region, name) in self.repositories:
            raise ServiceError("RepositoryNameExistsException", f"Repository named {name} already exists")
        now = epoch(datetime.now(timezone.utc))
        host = f"git-codecommit.{context.region}.amazonaws.com"
        metadata = {
            "accountId": context.account, "repositoryId": str(uuid.uuid4()), "repositoryName": name,
            "repositoryDescription": params.get("repositoryDescription", ""),
            "creationDate": now, "lastModifiedDate": now,
            "cloneUrlHttp": f"https://{host}/v1/repos/{name}", "cloneUrlSsh": f"ssh://{host}/v1/repos/{name}",
            "Arn": f"arn:aws:codecommit:{context.region}:{context.account}:{name}",
        }
        self.repositories[(context.region, name)] = {"metadata": metadata, "branches": {}, "commits": {},
                                                     "tags": params.get("tags", {})}
        return {"repositoryMetadata": metadata}

    def ListTagsForResource(self, params, context):
        for record in self.repositories.values():
            if record["metadata"]["Arn"] == params["resourceArn"]:
                return {"tags": record["tags"]}
        raise ServiceError("RepositoryDoesNotExistException", f"{params['resourceArn']} does not exist")

    def GetRepository(self, params, context):
        return {"repositoryMetadata": self._repository(params, context)["metadata"]}

    def ListRepositories(self, params, context):
        return {"repositories": [{"repositoryName": name, "repositoryId": record["metadata"]["repositoryId"]}
                                 for (region, name), record in sorted(self.repositories.items())
                                 if region == context.region]}

    def DeleteRepository(self, params, context):
        # AWS answers a repository already gone with no id rather than an error.
        record = self.repositories.pop((context.region, params["repositoryName"]), None)
        return {"repositoryId": record["metadata"]["repositoryId"]} if record else {}

    def GetBranch(self, params, context):
        repository = self._repository(params, context)
        commit = repository["branches"].get(params["branchName"])
        if commit is None:
            raise ServiceError("BranchDoesNotExistException", f"Branch {params['branchName']} does not exist")
        return {"branch": {"branchName": params["branchName"], "commitId": commit}}

    def ListBranches(self, params, context):
        return {"branches": sorted(self._repository(params, context)["branches"])}

    def _resolve(self, repository, specifier):
        """The commit id a branch name or commit id names (the default branch when absent)."""
        specifier = specifier or repository["metadata"].get("defaultBranch", "")
        commit = repository["branches"].get(specifier, specifier)
        if commit not in repository["commits"]:
            raise ServiceError("CommitDoesNotExistException", f"Commit {specifier or 'HEAD'} does not exist")
        return commit

    def _parent(self, repository, params):
        """The parent commit of a new commit on `branchName`, by CodeCommit's rules."""
        tip = repository["branches"].get(params["branchName"])
        parent = params.get("parentCommitId")
        if parent is not None and parent not in repository["commits"]:
            raise ServiceError("ParentCommitDoesNotExistException", f"Parent commit {parent} does not exist")
        if tip is None and not repository["commits"]:
            return None  # the first commit of the repository takes no parent
        if parent is None:
            raise ServiceError("ParentCommitIdRequiredException",
                               "A parent commit ID is required for a branch that has commits")
        if tip is not None and parent != tip:
            raise ServiceError("ParentCommitIdOutdatedException",
                               f"The parent commit ID {parent} is not the tip of {params['branchName']}")
        return parent

    def _commit(self, repository, params, parent, tree, message):
        commit_id = _git_id("commit", f"{_tree_id(tree)} {parent} {message} {uuid.uuid4()}".encode())
        repository["commits"][commit_id] = {"tree": tree, "parents": [parent] if parent else [],
                                            "message": message,
                                            "author": params.get("name") or params.get("authorName", "")}
        repository["branches"][params["branchName"]] = commit_id
        repository["metadata"].setdefault("defaultBranch", params["branchName"])
        repository["metadata"]["lastModifiedDate"] = epoch(datetime.now(timezone.utc))
        return commit_id

    def PutFile(self, params, context):
        repository = self._repository(params, context)
        parent = self._parent(repository, params)
        tree = dict(repository["commits"][parent]["tree"]) if parent else {}
        path, content = _path(params["filePath"]), unblob(params["fileContent"])
        mode = params.get("fileMode", "NORMAL")
        if tree.get(path) == (content, mode):
            raise ServiceError("SameFileContentException", f"The file {path} already has this content")
        tree[path] = (content, mode)
        commit = self._commit(repository, params, parent, tree, params.get("commitMessage", ""))
        return {"commitId": commit, "blobId": _git_id("blob", content), "treeId": _tree_id(tree)}

    def CreateCommit(self, params, context):
        repository = self._repository(params, context)
        parent = self._parent(repository, params)
        before = repository["commits"][parent]["tree"] if parent else {}
        tree = dict(before)
        for entry in params.get("putFiles", []):
            if "sourceFile" in entry:
                content = before[_path(entry["sourceFile"]["filePath"])][0]
            else:
                content = unblob(entry.get("fileContent", ""))
            tree[_path(entry["filePath"])] = (content, entry.get("fileMode", "NORMAL"))
        for entry in params.get("deleteFiles", []):
            if tree.pop(_path(entry["filePath"]), None) is None:
                raise ServiceError("FileDoesNotExistException", f"{entry['filePath']} does not exist")
        for entry in params.get("setFileModes", []):
            content, _ = tree[_path(entry["filePath"])]
            tree[_path(entry["filePath"])] = (content, entry["fileMode"])
        if tree == before:
            raise ServiceError("NoChangeException", "The commit contains no changes")

        def files(paths, source):
            return [{"absolutePath": path, "blobId": _git_id("blob", source[path][0]), "fileMode": source[path][1]}
                    for path in sorted(paths)]
        commit = self._commit(repository, params, parent, tree, params.get("commitMessage", ""))
        return {"commitId": commit, "treeId": _tree_id(tree),
                "filesAdded": files(tree.keys() - before.keys(), tree),
                "filesUpdated": files({p for p in tree.keys() & before.keys() if tree[p] != before[p]}, tree),
                "filesDeleted": files(before.keys() - tree.keys(), before)}

    def GetCommit(self, params, context):
        repository = self._repository(params, context)
        commit = repository["commits"].get(params["commitId"])
        if commit is None:
            raise ServiceError("CommitIdDoesNotExistException", f"Commit {params['commitId']} does not exist")
        return {"commit": {"commitId": params["commitId"], "treeId": _tree_id(commit["tree"]),
                           "parents": commit["parents"], "message": commit["message"],
                           "author": {"name": commit["author"]}}}

    def GetFile(self, params, context):
        repository = self._repository(params, context)
        commit = self._resolve(repository, params.get("commitSpecifier"))
        path = _path(params["filePath"])
        entry = repository["commits"][commit]["tree"].get(path)
        if entry is None:
            raise ServiceError("FileDoesNotExistException", f"{params['filePath']} does not exist")
        content, mode = entry
        return {"commitId": commit, "blobId": _git_id("blob", content), "filePath": path,
                "fileMode": mode, "fileSize": len(content), "fileContent": blob(content)}

    def GetFolder(self, params, context):
        repository = self._repository(params, context)
        commit = self._resolve(repository, params.get("commitSpecifier"))
        tree = repository["commits"][commit]["tree"]
        folder = _path(params["folderPath"])
        prefix = folder + "/" if folder else ""
        inside = [path for path in tree if path.startswith(prefix)]
        if folder and not inside:
            raise ServiceError("FolderDoesNotExistException", f"{params['folderPath']} does not exist")
        files = sorted(path for path in inside if "/" not in path[len(prefix):])
        folders = sorted({prefix + path[len(prefix):].split("/")[0] for path in inside} - set(files))
        return {"commitId": commit, "folderPath": folder, "treeId": _tree_id(tree, folder),
                "subFolders": [{"treeId": _tree_id(tree, sub), "absolutePath": sub,
                                "relativePath": sub[len(prefix):]} for sub in folders],
                "files": [{"blobId": _git_id("blob", tree[path][0]), "absolutePath": path,
                           "relativePath": path[len(prefix):], "fileMode": tree[path][1]} for path in files],
                "symbolicLinks": [], "subModules": []}
