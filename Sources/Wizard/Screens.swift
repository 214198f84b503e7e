import Planner

/// The screens, in the article's order.
public enum ScreenID: Int, CaseIterable, Sendable {
    case start, source, codeArtifact, build, pipeline, vpc, endpoints, iam, review, export

    var previous: ScreenID? { ScreenID(rawValue: rawValue - 1) }
    var next: ScreenID? { ScreenID(rawValue: rawValue + 1) }
}

/// The screens declared as data: each answer's field bound to it by its key path, with its
/// label and help from the answer's declaration (AnswerSchema); the control is the screen's.
enum Screens {
    // Computed, not stored: screens hold closures, which a Swift 6 global could not share safely.
    static var all: [Screen] { ScreenID.allCases.map(screen) }

    /// One screen built alone: the state asks for its current screen on every key.
    static func screen(_ id: ScreenID) -> Screen {
        switch id {
        case .start: start
        case .source: source
        case .codeArtifact: codeArtifact
        case .build: build
        case .pipeline: pipeline
        case .vpc: vpc
        case .endpoints: endpoints
        case .iam: iam
        case .review: review
        case .export: export
        }
    }

    static var start: Screen { Screen(
        title: "Start: region and names",
        intro: "Where the pipeline goes and the name its resources share.",
        fields: [
            Field("What this builds", Note { state in
                """
                A CodePipeline that builds a CodeCommit repository with CodeBuild inside your private \
                VPC, fetching packages from a CodeArtifact repository whose upstream reaches the \
                public registry for you. The build has no internet: VPC endpoints for CodeArtifact, \
                STS, CloudWatch Logs and S3 carry its traffic. You get reviewed scripts \
                (setup.sh, teardown.sh) and a checklist; nothing touches AWS until you run them.
                """
            }, help: ""),
            Field(\.region) { Select(value: $0) { $0.regionOptions } },
            Field(\.profile) { Pick(value: $0, options: { $0.profileOptions }, blankMeans: "(blank: your default credentials)") },
            Field(\.name) { TextInput(value: $0) },
            Field(\.tags) { TagList(value: $0) },
            Field(\.language) { Select(choice: $0) },
        ]) }

    static var source: Screen { Screen(
        title: "Source repository (CodeCommit)",
        intro: "The article's first console step: a CodeCommit repository holding the sample app.",
        fields: [
            Field(\.source.repository) { Pick(value: $0) { $0.repositoryOptions } },
            Field(\.source.branch) { TextInput(value: $0) },
            Field(\.source.create) { Toggle(value: $0, on: "create new", off: "use existing") },
            Field(\.source.sampleApp) { Toggle(value: $0, on: "commit the article's sample app", off: "no sample app") },
        ]) }

    static var codeArtifact: Screen { Screen(
        title: "CodeArtifact",
        intro: "The build cannot reach the public registry: CodeArtifact fetches packages for it.",
        fields: [
            Field(\.codeartifact.domain) { Pick(value: $0) { $0.domainOptions } },
            Field(\.codeartifact.domainOwner) { TextInput(value: $0, blankMeans: "(blank: your account)") },
            Field(\.codeartifact.repository) { TextInput(value: $0) },
            Field(\.codeartifact.format) { Select(choice: $0) },
            Field(\.codeartifact.upstream) { TextInput(value: $0, blankMeans: "(blank: no upstream)") },
            Field(\.codeartifact.externalConnection) {
                Select(value: $0) { state in
                    Catalog.format(state.answers.codeartifact.format).externalConnections.map { Select.Option(value: $0) }
                }
            },
        ]) }

    static var build: Screen { Screen(
        title: "Build project (CodeBuild)",
        intro: "CodeBuild runs in your VPC's subnets: only runtimes preinstalled in the image work.",
        fields: [
            Field(\.build.project) { TextInput(value: $0) },
            Field(\.build.image) {
                Select(value: $0) { _ in
                    Catalog.images.map { Select.Option(value: $0.name, note: $0.maintained ? "" : "the article's; no longer maintained") }
                }
            },
            Field(\.build.runtime) {
                Select(value: $0) { state in
                    (Catalog.image(named: state.answers.build.image)?.runtimes ?? []).map { Select.Option(value: $0) }
                }
            },
            Field(\.build.tool) {
                Select(value: $0) { state in
                    Catalog.format(state.answers.codeartifact.format).buildTools.map { Select.Option(value: $0.name) }
                }
            },
            Field(\.build.computeType) { Select(value: $0) { _ in Catalog.computeTypes.map { Select.Option(value: $0) } } },
            Field(\.build.privileged) { Toggle(value: $0, on: "privileged (Docker builds)", off: "not privileged") },
            Field(\.build.timeoutMinutes) { IntegerInput(value: $0) },
            Field(\.build.buildspec) { TextInput(value: $0) },
            Field(\.build.role.text) { Pick(value: $0) { $0.roleOptions(trusting: "codebuild.amazonaws.com") } },
            Field(\.build.logs) { Select(choice: $0) },
        ]) }

    static var pipeline: Screen { Screen(
        title: "Pipeline (CodePipeline)",
        intro: "A source stage on the branch and a build stage; no deploy stage, as in the article.",
        fields: [
            Field(\.pipeline.name) { TextInput(value: $0) },
            Field(\.pipeline.type) { Select(choice: $0) },
            Field(\.pipeline.artifactBucket) { TextInput(value: $0, blankMeans: "(blank: derived from region, account and name)") },
            Field(\.pipeline.role.text) { Pick(value: $0) { $0.roleOptions(trusting: "codepipeline.amazonaws.com") } },
            Field(\.pipeline.trigger) { Select(choice: $0) },
        ]) }

    static var vpc: Screen { Screen(
        title: "VPC settings",
        intro: "Your own VPC, with no route to the internet. Use subnets in two or more Availability Zones.",
        fields: [
            Field(\.network.vpc) { Pick(value: $0, options: { $0.vpcOptions }, blankMeans: "(required: vpc-...)") },
            Field(\.network.subnets) {
                MultiPick(value: $0, options: { $0.subnetOptions }, note: { $0.subnetNote($1) }, blankMeans: "(required: subnet-... subnet-...)")
            },
            Field(\.network.routeTables) {
                MultiPick(value: $0, options: { $0.routeTableOptions }, blankMeans: "(rtb-...: for the S3 gateway)")
            },
            Field(\.network.securityGroup.text) { Pick(value: $0) { $0.securityGroupOptions } },
        ]) }

    static var endpoints: Screen { Screen(
        title: "VPC endpoints",
        intro: "The build reaches AWS only through these. Use those your VPC already has; create the rest.",
        fields: [
            // First, so that the running figure shows whatever is ticked below.
            Field("Cost", Note(style: .normal) { state in
                state.plan.map { ([CostText.headline($0)] + CostText.savings($0)).joined(separator: "\n") } ?? ""
            }, help: ""),
            Field(\.endpoints.existing) {
                MultiSelect(value: $0.spellings(), options: { $0.endpointOptions }, chosen: "existing", otherwise: "create")
            },
            Field(\.endpoints.privateDNS) { Toggle(value: $0, on: "enabled (the article requires it)", off: "disabled") },
            Field(\.endpoints.policies) { Select(choice: $0) },
        ]) }

    static var iam: Screen { Screen(
        title: "IAM",
        intro: "The permissions the build needs for CodeArtifact, as the article adds them inline.",
        fields: [
            Field(\.iam.scope) { Select(choice: $0) },
            Field("Policies", Viewer(title: "policy documents", content: { state in
                let policies = state.rendered.filter { $0.path.hasPrefix("policies/") }
                guard !policies.isEmpty else { return "(no policy documents: fix the errors first)" }
                return policies.map { "# \($0.path)\n\($0.contents)" }.joined(separator: "\n")
            }, around: 13), help: "The trust, role and endpoint policies this plan attaches, as written to policies/."),
        ]) }

    static var review: Screen { Screen(
        title: "Review",
        intro: "Every choice, numbered. Pick one to change it. Export is refused while errors remain.",
        fields: [Field("Summary", Review(), help: """
            Like sam deploy --guided's summary: ↑↓ to an item and Enter to change it; Enter on \
            "Continue to export" goes on once no error remains.
            """)]) }

    static var export: Screen { Screen(
        title: "Export",
        intro: "The output folder, exactly as vpcpipe --headless writes it. Read setup.sh first.",
        fields: [
            Field("Output folder", TextInput(value: Binding(get: { $0.outputFolder }, set: { $0.outputFolder = $1 })), help: """
                Where setup.sh, teardown.sh, verify.sh, checklist.md, plan.json, policies/, repo/ and \
                answers.yaml are written. A folder holding other files is refused.
                """),
            Field("Cost", Note(style: .normal) { state in state.plan.map { CostText.headline($0) } ?? "" }, help: ""),
            Field("setup.sh", Viewer(title: "setup.sh", content: { state in
                state.rendered.first { $0.path == "setup.sh" }?.contents ?? "(no setup.sh: fix the errors first)"
            }, around: 12), help: "The script that creates everything, in the article's order. Read it before writing."),
            Field("Write", Action(title: "Write the output folder") { state in state.requestExport() },
                  help: "Writes the folder; answers.yaml in it replays this run with vpcpipe --headless."),
        ],
        // The button, setup.sh shown above it: Enter writes; ⇧Tab goes to the folder and the script.
        entryLabel: "Write") }
}
