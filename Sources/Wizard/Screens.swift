import Planner

/// The screens in the article's order, declared as data: each field bound to an answer, with
/// its key path for diagnostics and its help in the article's terms.
enum Screens {
    // Computed, not stored: screens hold closures, which a Swift 6 global could not share safely.
    static var all: [Screen] { (0..<count).map(at) }
    static let count = 10

    /// One screen built alone: the state asks for its current screen on every key.
    static func at(_ index: Int) -> Screen {
        switch index {
        case 0: start
        case 1: source
        case 2: codeArtifact
        case 3: build
        case 4: pipeline
        case 5: vpc
        case 6: endpoints
        case iamIndex: iam
        case reviewIndex: review
        default: export
        }
    }

    static let iamIndex = 7
    static let reviewIndex = 8
    static let exportIndex = 9

    static var start: Screen { Screen(
        title: "Start: region and names",
        intro: "Where the pipeline goes and the name its resources share.",
        fields: [
            Field("What this builds", nil, Note { state in
                """
                A CodePipeline that builds a CodeCommit repository with CodeBuild inside your private \
                VPC, fetching packages from a CodeArtifact repository whose upstream reaches the \
                public registry for you. The build has no internet: VPC endpoints for CodeArtifact, \
                STS, CloudWatch Logs and S3 carry its traffic. You get reviewed scripts \
                (setup.sh, teardown.sh) and a checklist; nothing touches AWS until you run them.
                """
            }, help: ""),
            Field("Region", "region", Select(value: .answer(\.region), options: { _ in
                Catalog.codeArtifactRegions.map { Select.Option(value: $0) }
            }), help: """
                The console's region selector, top right. Every resource of the article lives in one \
                region, and the VPC endpoints must be in the VPC's region: CodeArtifact is offered in \
                only some regions, listed here. Type to filter.
                """),
            Field("AWS CLI profile", "profile", TextInput(value: .answer(\.profile), blankMeans: "(blank: your default credentials)"),
                  help: """
                The credentials the scripts use (aws --profile). In the article you are signed in to \
                the console; here the scripts run with this profile, or your default when blank.
                """),
            Field("Name", "name", TextInput(value: .answer(\.name)), help: """
                The article calls everything "Private": the repository, the CodeArtifact domain and \
                repository, the build project and the pipeline. Change it here and those names follow, \
                unless you changed them yourself.
                """),
        ]) }

    static var source: Screen { Screen(
        title: "Source repository (CodeCommit)",
        intro: "The article's first console step: a CodeCommit repository holding the sample app.",
        fields: [
            Field("Repository", "source.repository", TextInput(value: .answer(\.source.repository)), help: """
                CodeCommit > Repositories > Create repository. The pipeline's source stage watches \
                this repository; CodeCommit is reached by CodePipeline, not from inside the VPC.
                """, mark: { $0.source.create ? .created : .existing }),
            Field("Branch", "source.branch", TextInput(value: .answer(\.source.branch)), help: """
                The branch the pipeline builds (the article commits to main). A push to it starts \
                the pipeline.
                """),
            Field("Repository exists?", "source.create", Toggle(value: .answer(\.source.create),
                  on: "create it", off: "it exists already: use it"), help: """
                Create the repository, or use one you already have. With an existing one the scripts \
                only check it is there and never delete it.
                """),
            Field("Sample app", "source.sample_app", Toggle(value: .answer(\.source.sampleApp),
                  on: "commit the article's sample app", off: "no sample app"), help: """
                The article commits buildspec.yml, package.json and index.js: an app whose build \
                installs packages through CodeArtifact, proving the build works without internet.
                """),
        ]) }

    static var codeArtifact: Screen { Screen(
        title: "CodeArtifact",
        intro: "The build cannot reach the public registry: CodeArtifact fetches packages for it.",
        fields: [
            Field("Domain", "codeartifact.domain", TextInput(value: .answer(\.codeartifact.domain)), help: """
                CodeArtifact > Domains > Create domain. A domain groups repositories and stores their \
                package assets (in an S3 bucket AWS owns, reached through the S3 gateway endpoint).
                """, mark: { _ in .created }),
            Field("Domain owner", "codeartifact.domain_owner", TextInput(value: .answer(\.codeartifact.domainOwner),
                  blankMeans: "(blank: your account)"), help: """
                The account that owns the domain: blank for your own, or a 12-digit account id for a \
                domain shared with you.
                """),
            Field("Repository", "codeartifact.repository", TextInput(value: .answer(\.codeartifact.repository)), help: """
                CodeArtifact > Create repository: the repository the build installs from (the \
                article's "Private").
                """, mark: { _ in .created }),
            Field("Package format", "codeartifact.format", Select(value: .choice(\.codeartifact.format), options: { _ in
                PackageFormat.allCases.map { Select.Option(value: $0.rawValue) }
            }), help: """
                The package manager of your app: npm in the article. Changing it refills the upstream, \
                its public connection and the runtime while they hold their defaults.
                """),
            Field("Upstream repository", "codeartifact.upstream", TextInput(value: .answer(\.codeartifact.upstream),
                  blankMeans: "(blank: no upstream)"), help: """
                "Public upstream repositories" in the console: a repository (npm-store) with a \
                connection to the public registry. CodeArtifact, not your build, goes to the internet.
                """, mark: { $0.codeartifact.upstream.isEmpty ? nil : .created }),
            Field("Public connection", "codeartifact.external_connection", Select(value: .answer(\.codeartifact.externalConnection),
                  options: { state in
                      Catalog.format(state.answers.codeartifact.format).externalConnections.map { Select.Option(value: $0) }
                  }), help: """
                The public registry the upstream repository connects to, offered for the chosen \
                format (npm: public:npmjs).
                """),
        ]) }

    static var build: Screen { Screen(
        title: "Build project (CodeBuild)",
        intro: "CodeBuild runs in your VPC's subnets: only runtimes preinstalled in the image work.",
        fields: [
            Field("Project name", "build.project", TextInput(value: .answer(\.build.project)), help: """
                CodeBuild > Create build project > Project name.
                """, mark: { _ in .created }),
            Field("Image", "build.image", Select(value: .answer(\.build.image), options: { _ in
                Catalog.images.map { Select.Option(value: $0.name, note: $0.maintained ? "" : "the article's; no longer maintained") }
            }), help: """
                Environment > Managed image. The article's Amazon Linux 2 standard:4.0 is no longer \
                maintained; the default is its Amazon Linux 2023 successor.
                """),
            Field("Runtime", "build.runtime", Select(value: .answer(\.build.runtime), options: { state in
                (Catalog.image(named: state.answers.build.image)?.runtimes ?? []).map { Select.Option(value: $0) }
            }), help: """
                The buildspec's runtime-versions. Only those preinstalled in the image are offered: \
                a build without internet cannot download another.
                """),
            Field("Compute", "build.compute_type", Select(value: .answer(\.build.computeType), options: { _ in
                Catalog.computeTypes.map { Select.Option(value: $0) }
            }), help: "Environment > Compute: the build machine's size (the article keeps the smallest)."),
            Field("Privileged", "build.privileged", Toggle(value: .answer(\.build.privileged),
                  on: "privileged (Docker builds)", off: "not privileged"), help: """
                Only needed to build Docker images. Keep it off otherwise.
                """),
            Field("Service role", "build.role", TextInput(value: .answer(\.build.role.text)), help: """
                "new" creates the role the console's "New service role" would, with the VPC and \
                CodeArtifact permissions the article adds; or type an existing role's ARN.
                """, mark: { $0.build.role == .new ? .created : .existing }),
            Field("Logs", "build.logs", Select(value: .choice(\.build.logs), options: { _ in
                LogsDestination.allCases.map { Select.Option(value: $0.rawValue) }
            }), help: """
                CloudWatch logs, as in the article; they need the logs endpoint in the VPC. "none" \
                plans no logs endpoint.
                """),
        ]) }

    static var pipeline: Screen { Screen(
        title: "Pipeline (CodePipeline)",
        intro: "A source stage on the branch and a build stage; no deploy stage, as in the article.",
        fields: [
            Field("Pipeline name", "pipeline.name", TextInput(value: .answer(\.pipeline.name)), help: """
                CodePipeline > Create pipeline > Pipeline name.
                """, mark: { _ in .created }),
            Field("Type", "pipeline.type", Select(value: .choice(\.pipeline.type), options: { _ in
                PipelineType.allCases.map { Select.Option(value: $0.rawValue) }
            }), help: "Pipeline type: V2 is the console's default and bills per action minute."),
            Field("Artifact bucket", "pipeline.artifact_bucket", TextInput(value: .answer(\.pipeline.artifactBucket),
                  blankMeans: "(blank: derived from region, account and name)"), help: """
                Advanced settings > Artifact store. The pipeline passes the source to the build \
                through this bucket; the build reaches it through the S3 gateway endpoint.
                """, mark: { _ in .created }),
            Field("Service role", "pipeline.role", TextInput(value: .answer(\.pipeline.role.text)), help: """
                "new" creates a role with only what the pipeline needs (the console's default role is \
                far broader); or type an existing role's ARN.
                """, mark: { $0.pipeline.role == .new ? .created : .existing }),
            Field("Trigger", "pipeline.trigger", Select(value: .choice(\.pipeline.trigger), options: { _ in
                Trigger.allCases.map { Select.Option(value: $0.rawValue) }
            }), help: """
                "events": an EventBridge rule starts the pipeline on a push (the console's default). \
                "poll": CodePipeline polls the repository. "none": start it by hand.
                """),
        ]) }

    static var vpc: Screen { Screen(
        title: "VPC settings",
        intro: "Your own VPC, with no route to the internet. Use subnets in two or more Availability Zones.",
        fields: [
            Field("VPC id", "network.vpc", TextInput(value: .answer(\.network.vpc), blankMeans: "(required: vpc-...)"), help: """
                CodeBuild > Environment > Additional configuration > VPC. The VPC must have DNS \
                support and DNS hostnames; the scripts turn both on for private DNS.
                """, mark: { _ in .existing }),
            Field("Subnets", "network.subnets", IdList(value: .answer(\.network.subnets), blankMeans: "(required: subnet-... subnet-...)"), help: """
                Private subnets for the build and the interface endpoints. The article advises \
                subnets in several Availability Zones so a zone's outage does not stop builds; \
                each zone adds endpoint cost.
                """, mark: { _ in .existing }),
            Field("Route tables", "network.route_tables", IdList(value: .answer(\.network.routeTables), blankMeans: "(rtb-...: for the S3 gateway)"), help: """
                The route tables of those subnets: the S3 gateway endpoint adds its route to them. \
                Needed unless the VPC already has an S3 endpoint.
                """, mark: { _ in .existing }),
            Field("Security group", "network.security_group", TextInput(value: .answer(\.network.securityGroup.text)), help: """
                "create": a group for the build and one for the endpoints, allowing 443 between them. \
                "default": the VPC's default group, as the article does. Or an existing sg-... id.
                """, mark: { $0.network.securityGroup == .create ? .created : .existing }),
        ]) }

    static var endpoints: Screen { Screen(
        title: "VPC endpoints",
        intro: "The build reaches AWS only through these. Tick those your VPC already has.",
        fields: [
            Field("Endpoints", "endpoints.existing", MultiSelect(value: Binding(
                get: { $0.answers.endpoints.existing.map(\.rawValue) },
                set: { $0.answers.endpoints.existing = $1.compactMap(EndpointService.init(rawValue:)) }),
                options: { state in
                    EndpointService.allCases.map { Endpoints.need($0, state.answers) }.filter(\.planned)
                        .map { MultiSelect.Option(value: $0.service.rawValue, why: $0.reason) }
                }, ticked: "already in the VPC: none is created"), help: """
                The article creates one endpoint per service the build calls. If the VPC has one \
                already, tick it: a second endpoint with private DNS for the same service would \
                conflict. Interface endpoints cost per hour per Availability Zone.
                """, mark: { answers in answers.endpoints.existing.isEmpty ? .created : nil }),
            Field("Private DNS", "endpoints.private_dns", Toggle(value: .answer(\.endpoints.privateDNS),
                  on: "enabled (the article requires it)", off: "disabled"), help: """
                With private DNS the usual AWS host names resolve to the endpoints, so npm, pip and \
                the CLI work unchanged. codeartifact.repositories needs it.
                """),
            Field("Endpoint policies", "endpoints.policies", Select(value: .choice(\.endpoints.policies), options: { _ in
                EndpointPolicies.allCases.map { Select.Option(value: $0.rawValue) }
            }), help: """
                least-privilege: each endpoint allows only this pipeline's calls and resources. \
                full-access: the console's default policy.
                """),
        ]) }

    static var iam: Screen { Screen(
        title: "IAM",
        intro: "The permissions the build needs for CodeArtifact, as the article adds them inline.",
        fields: [
            Field("Scope", "iam.scope", Select(value: .choice(\.iam.scope), options: { _ in
                IAMScope.allCases.map { Select.Option(value: $0.rawValue) }
            }), help: """
                resources: the policies name this domain and repository (the article's advice). all: \
                "*", as the console's "All" checkbox.
                """),
            Field("Policies", nil, Viewer(title: "policy documents", content: { state in
                let policies = state.rendered.filter { $0.path.hasPrefix("policies/") }
                guard !policies.isEmpty else { return "(no policy documents: fix the errors first)" }
                return policies.map { "# \($0.path)\n\($0.contents)" }.joined(separator: "\n")
            }, height: 11), help: "The trust, role and endpoint policies this plan attaches, as written to policies/."),
        ]) }

    static var review: Screen { Screen(
        title: "Review",
        intro: "Every choice, numbered. Pick one to change it. Export is refused while errors remain.",
        fields: [Field("Summary", nil, Review(), help: """
            Like sam deploy --guided's summary: ↑↓ to an item and Enter to change it; Enter on \
            "Continue to export" goes on once no error remains.
            """)]) }

    static var export: Screen { Screen(
        title: "Export",
        intro: "The output folder, exactly as vpcpipe --headless writes it. Read setup.sh first.",
        fields: [
            Field("Output folder", nil, TextInput(value: Binding(get: { $0.outputFolder }, set: { $0.outputFolder = $1 })), help: """
                Where setup.sh, teardown.sh, checklist.md, plan.json, policies/, repo/ and \
                answers.yaml are written. A folder holding other files is refused.
                """),
            Field("setup.sh", nil, Viewer(title: "setup.sh", content: { state in
                state.rendered.first { $0.path == "setup.sh" }?.contents ?? "(no setup.sh: fix the errors first)"
            }, height: 12), help: "The script that creates everything, in the article's order. Read it before writing."),
            Field("Write", nil, Action(title: "Write the output folder") { state in state.requestExport() },
                  help: "Writes the folder; answers.yaml in it replays this run with vpcpipe --headless."),
        ]) }
}
