import Planner

/// The screens, in the article's order.
public enum ScreenID: Int, CaseIterable, Sendable {
    case start, source, codeArtifact, build, pipeline, vpc, endpoints, iam, review, export

    var previous: ScreenID? { ScreenID(rawValue: rawValue - 1) }
    var next: ScreenID? { ScreenID(rawValue: rawValue + 1) }
}

/// The screens declared as data, in the wizard's language: each answer's field bound to it by
/// its key path, with its label and help from the answer's declaration (AnswerSchema, in Japanese
/// JapaneseAnswerLabels); the control is the screen's; every other text is WizardPhrase's.
enum Screens {
    // Computed, not stored: screens hold closures, which a Swift 6 global could not share safely.
    static func all(_ l: Language) -> [Screen] { ScreenID.allCases.map { screen($0, l) } }

    /// One screen built alone, in the wizard's language: the state asks for its current screen
    /// on every key.
    static func screen(_ id: ScreenID, _ l: Language) -> Screen {
        switch id {
        case .start: start(l)
        case .source: source(l)
        case .codeArtifact: codeArtifact(l)
        case .build: build(l)
        case .pipeline: pipeline(l)
        case .vpc: vpc(l)
        case .endpoints: endpoints(l)
        case .iam: iam(l)
        case .review: review(l)
        case .export: export(l)
        }
    }

    static func start(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.startTitle.text(l),
        intro: WizardPhrase.startIntro.text(l),
        fields: [
            Field(WizardPhrase.whatThisBuildsLabel.text(l), Note { _ in WizardPhrase.whatThisBuilds.text(l) }, help: ""),
            Field(\.region, l) { Select(value: $0) { $0.regionOptions } },
            Field(\.profile, l) { Pick(value: $0, options: { $0.profileOptions }, blankMeans: WizardPhrase.blankDefaultCredentials.text(l)) },
            Field(\.name, l) { TextInput(value: $0) },
            Field(\.tags, l) { TagList(value: $0) },
            Field(\.language, l) { Select(value: $0.spelled) { _ in Language.allCases.map { Select.Option(value: $0.rawValue, shown: $0.name) } } },
        ]) }

    static func source(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.sourceTitle.text(l),
        intro: WizardPhrase.sourceIntro.text(l),
        fields: [
            Field(\.source.repository, l) { Pick(value: $0) { $0.repositoryOptions } },
            Field(\.source.branch, l) { TextInput(value: $0) },
            Field(\.source.create, l) { Toggle(value: $0, on: WizardPhrase.createNew.text(l), off: WizardPhrase.useExisting.text(l)) },
            Field(\.source.sampleApp, l) { Toggle(value: $0, on: WizardPhrase.sampleAppOn.text(l), off: WizardPhrase.sampleAppOff.text(l)) },
        ]) }

    static func codeArtifact(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.codeArtifactTitle.text(l),
        intro: WizardPhrase.codeArtifactIntro.text(l),
        fields: [
            Field(\.codeartifact.domain, l) { Pick(value: $0) { $0.domainOptions } },
            Field(\.codeartifact.domainOwner, l) { TextInput(value: $0, blankMeans: WizardPhrase.blankYourAccount.text(l)) },
            Field(\.codeartifact.repository, l) { TextInput(value: $0) },
            Field(\.codeartifact.format, l) { Select(choice: $0) },
            Field(\.codeartifact.upstream, l) { TextInput(value: $0, blankMeans: WizardPhrase.blankNoUpstream.text(l)) },
            Field(\.codeartifact.externalConnection, l) {
                Select(value: $0) { state in
                    Catalog.format(state.answers.codeartifact.format).externalConnections.map { Select.Option(value: $0) }
                }
            },
        ]) }

    static func build(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.buildTitle.text(l),
        intro: WizardPhrase.buildIntro.text(l),
        fields: [
            Field(\.build.project, l) { TextInput(value: $0) },
            Field(\.build.image, l) {
                Select(value: $0) { _ in
                    Catalog.images.map { Select.Option(value: $0.name, note: $0.maintained ? "" : WizardPhrase.imageUnmaintained.text(l)) }
                }
            },
            Field(\.build.runtime, l) {
                Select(value: $0) { state in
                    (Catalog.image(named: state.answers.build.image)?.runtimes ?? []).map { Select.Option(value: $0) }
                }
            },
            Field(\.build.tool, l) {
                Select(value: $0) { state in
                    Catalog.format(state.answers.codeartifact.format).buildTools.map { Select.Option(value: $0.name) }
                }
            },
            Field(\.build.computeType, l) { Select(value: $0) { _ in Catalog.computeTypes.map { Select.Option(value: $0) } } },
            Field(\.build.privileged, l) { Toggle(value: $0, on: WizardPhrase.privilegedOn.text(l), off: WizardPhrase.privilegedOff.text(l)) },
            Field(\.build.timeoutMinutes, l) { IntegerInput(value: $0) },
            Field(\.build.buildspec, l) { TextInput(value: $0) },
            Field(\.build.role.text, l) { Pick(value: $0) { $0.roleOptions(trusting: "codebuild.amazonaws.com") } },
            Field(\.build.logs, l) { Select(choice: $0) },
        ]) }

    static func pipeline(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.pipelineTitle.text(l),
        intro: WizardPhrase.pipelineIntro.text(l),
        fields: [
            Field(\.pipeline.name, l) { TextInput(value: $0) },
            Field(\.pipeline.type, l) { Select(choice: $0) },
            Field(\.pipeline.artifactBucket, l) { TextInput(value: $0, blankMeans: WizardPhrase.blankDerivedBucket.text(l)) },
            Field(\.pipeline.role.text, l) { Pick(value: $0) { $0.roleOptions(trusting: "codepipeline.amazonaws.com") } },
            Field(\.pipeline.trigger, l) { Select(choice: $0) },
        ]) }

    static func vpc(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.vpcTitle.text(l),
        intro: WizardPhrase.vpcIntro.text(l),
        fields: [
            Field(\.network.vpc, l) { Pick(value: $0, options: { $0.vpcOptions }, blankMeans: WizardPhrase.requiredVPC.text(l)) },
            Field(\.network.subnets, l) {
                MultiPick(value: $0, options: { $0.subnetOptions }, note: { $0.subnetNote($1) }, blankMeans: WizardPhrase.requiredSubnets.text(l))
            },
            Field(\.network.routeTables, l) {
                MultiPick(value: $0, options: { $0.routeTableOptions }, blankMeans: WizardPhrase.routeTablesBlank.text(l))
            },
            Field(\.network.securityGroup.text, l) { Pick(value: $0) { $0.securityGroupOptions } },
        ]) }

    static func endpoints(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.endpointsTitle.text(l),
        intro: WizardPhrase.endpointsIntro.text(l),
        fields: [
            // First, so that the running figure shows whatever is ticked below.
            Field(WizardPhrase.costLabel.text(l), Note(style: .normal) { state in
                state.plan.map { ([CostText.headline($0, l)] + CostText.savings($0, l)).joined(separator: "\n") } ?? ""
            }, help: ""),
            Field(\.endpoints.existing, l) {
                MultiSelect(value: $0.spellings(), options: { $0.endpointOptions }, chosen: WizardPhrase.endpointExisting.text(l), otherwise: WizardPhrase.endpointCreate.text(l))
            },
            Field(\.endpoints.privateDNS, l) { Toggle(value: $0, on: WizardPhrase.privateDNSOn.text(l), off: WizardPhrase.privateDNSOff.text(l)) },
            Field(\.endpoints.policies, l) { Select(choice: $0) },
        ]) }

    static func iam(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.iamTitle.text(l),
        intro: WizardPhrase.iamIntro.text(l),
        fields: [
            Field(\.iam.scope, l) { Select(choice: $0) },
            Field(WizardPhrase.policiesLabel.text(l), Viewer(title: WizardPhrase.policiesViewer.text(l), content: { state in
                let policies = state.rendered.filter { $0.path.hasPrefix("policies/") }
                guard !policies.isEmpty else { return WizardPhrase.noPolicies.text(l) }
                return policies.map { "# \($0.path)\n\($0.contents)" }.joined(separator: "\n")
            }, around: 13), help: WizardPhrase.policiesHelp.text(l)),
        ]) }

    static func review(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.reviewTitle.text(l),
        intro: WizardPhrase.reviewIntro.text(l),
        fields: [Field(WizardPhrase.summaryLabel.text(l), Review(), help: WizardPhrase.summaryHelp.text(l))]) }

    static func export(_ l: Language) -> Screen { Screen(
        title: WizardPhrase.exportTitle.text(l),
        intro: WizardPhrase.exportIntro.text(l),
        fields: [
            Field(WizardPhrase.outputFolderLabel.text(l), TextInput(value: Binding(get: { $0.outputFolder }, set: { $0.outputFolder = $1 })),
                  help: WizardPhrase.outputFolderHelp.text(l)),
            Field(WizardPhrase.costLabel.text(l), Note(style: .normal) { state in state.plan.map { CostText.headline($0, l) } ?? "" }, help: ""),
            Field("setup.sh", Viewer(title: "setup.sh", content: { state in
                state.rendered.first { $0.path == "setup.sh" }?.contents ?? WizardPhrase.noSetup.text(l)
            }, around: 12), help: WizardPhrase.setupHelp.text(l)),
            Field(WizardPhrase.writeLabel.text(l), Action(title: WizardPhrase.writeButton.text(l)) { state in state.requestExport() },
                  help: WizardPhrase.writeHelp.text(l)),
        ],
        // The button, setup.sh shown above it: Enter writes; ⇧Tab goes to the folder and the script.
        entryLabel: WizardPhrase.writeLabel.text(l)) }
}
