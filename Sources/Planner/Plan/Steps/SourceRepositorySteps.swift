// The CodeCommit repository the pipeline's source stage watches, and the article's sample app
// committed to its branch. An existing repository (source.create false) is only checked.

enum SourceRepositorySteps {
    /// The sample app's branch: a row `.<TAB>COMMIT` for its head, then a row for each file and
    /// folder at its root. Nothing before the repository or the branch exists.
    static func sampleFileLookup(_ c: PlanContext) -> Lookup? {
        let source = c.answers.source
        guard source.create && source.sampleApp else { return nil }
        return Lookup("SAMPLE_FILES", Command("codecommit", "get-folder").with("repository-name", .text(source.repository))
            .with("commit-specifier", .text(source.branch)).with("folder-path", "/")
            .query("[[['.', commitId]], files[].[absolutePath], subFolders[].[absolutePath]][]"),
            // Before the repository, or before the branch's first commit.
            absent: ["RepositoryDoesNotExistException", "CommitDoesNotExistException"])
    }

    static func make(_ c: PlanContext) -> PlanPart {
        PlanPart([repository(c)] + (sampleApp(c).map { [$0] } ?? []))
    }

    private static func repository(_ c: PlanContext) -> Step {
        let source = c.answers.source
        let repository = Arg.text(source.repository)
        let get = Command("codecommit", "get-repository").with("repository-name", repository)
            .query("repositoryMetadata.repositoryName")
        let absent = ["RepositoryDoesNotExistException"]
        let description = "Source of the \(c.answers.pipeline.name) pipeline, created by vpcpipe"
        let declaration = Declaration(Declaration.ID.sourceRepository, "AWS::CodeCommit::Repository", [
            ("RepositoryName", .string(repository)), ("RepositoryDescription", .string(.text(description))), ("Tags", c.declaredTags),
        ])
        let resource = Resource(.kindSourceRepository, repository, existing: !source.create,
                                answer: \Answers.source.repository, declarations: source.create ? [declaration] : [])
        let tag = Command("codecommit", "list-tags-for-resource").with("resource-arn", c.names.sourceRepositoryArn)
            .query("tags.\(Names.tagKey)")
        return Step(
            id: .sourceRepository, title: .stepSourceRepository, ["repository": source.repository],
            why: source.create
                ? "The pipeline's source stage watches this repository's \(source.branch) branch."
                : "The repository exists already (source.create is false): it is checked and used, never created, committed to or removed.",
            resources: [resource],
            check: source.create ? Check(get, absent: absent).tagged(.call(tag)) : Check(get, absent: absent, mustExist: true),
            create: source.create ? [.call(Command("codecommit", "create-repository").with("repository-name", repository)
                .with("repository-description", .text(description))
                .with("tags", c.tagMap))] : [],
            teardown: source.create ? [.ifTagged(tag, resource: resource,
                                                 [.call(Command("codecommit", "delete-repository").with("repository-name", repository))])] : [],
            foreign: source.create
                ? Problem("source.create", .adviceSourceCreate)
                : Problem("source.repository", .adviceSourceRepository))
    }

    /// Never commits into a repository vpcpipe did not create: its history is the operator's.
    private static func sampleApp(_ c: PlanContext) -> Step? {
        guard let lookup = sampleFileLookup(c) else { return nil }
        let source = c.answers.source
        let repository = Arg.text(source.repository), branch = Arg.text(source.branch)
        // A file is found by its root entry: the sample apps keep at most one file in each folder.
        var commits: [(key: String, put: Action, onBranch: Action)] = []
        for (index, file) in SampleApp.files(c.answers).enumerated() {
            let put = Command("codecommit", "put-file").with("repository-name", repository).with("branch-name", branch)
                .with("file-path", .text(file.path))
                .with("file-content", "fileb://" + Arg.variable("HERE") + "/repo/\(file.path)")
                .with("commit-message", .text("Add \(file.path) (vpcpipe sample app)"))
            let onBranch = Action.capture("COMMIT", put.with("parent-commit-id", .variable("COMMIT")).query("commitId"))
            let key = String(file.path.split(separator: "/").first ?? "")
            commits.append((key, index == 0 ? .capture("COMMIT", put.query("commitId")) : onBranch, onBranch))
        }
        return Step(
            id: .sampleApp, title: .stepSampleApp, ["repository": source.repository, "branch": source.branch],
            why: "The article commits a buildspec and a small app that installs its dependency through CodeArtifact; only a branch that does not exist yet (or that a stopped run began) gets it.",
            resources: [Resource(.kindBranch, branch, answer: \Answers.source.branch)],
            check: Check(in: lookup, key: ".", capture: "COMMIT"),
            create: commits.map { $0.put },
            // A branch a stopped run began gets the files it lacks, each on the previous commit.
            complete: commits.map { .unlessListed("SAMPLE_FILES", key: .text($0.key), [$0.onBranch]) })
    }
}
