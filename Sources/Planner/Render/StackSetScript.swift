import Foundation
import VpcpipeResources

// stackset.sh, with a stackset section in the answers: cloudformation.yaml as a service-managed
// StackSet of an AWS Organization, deployed by itself to the accounts that join its OUs; its stack
// instances in the section's regions, each account's with its own network ids; every operation
// followed to its end, and the instances that failed listed with their reasons. `--delete`
// deletes the instances with their stacks, then the StackSet.

public enum StackSetScript {
    public static let file = "stackset.sh"
    public static let library: [BashLibrary] = [.run, .call, .learn, .stackset, .actions]

    /// The StackSet's name, the stack's of deploy-stack.sh (letters, digits and hyphens).
    public static func name(_ answers: Answers) -> String { StackScript.stackName(answers) }

    /// stackset.sh for answers with a stackset section, else nil.
    public static func render(_ plan: Plan) -> String? {
        guard let stackset = plan.answers.stackset else { return nil }
        let answers = plan.answers, l = answers.language
        let deploy = deploySteps(plan, stackset), delete = deleteSteps(stackset, l)
        var out = ScriptHead(
            file: file, does: "deploys cloudformation.yaml, as the StackSet \(name(answers)) to the accounts of its OUs, of",
            options: [.init(name: "--yes", variable: "YES", help: Phrase.stackSetHelpYes.text(l)),
                      .init(name: "--delete", variable: "DELETE", help: Phrase.stackSetHelpDelete.text(l))],
            environment: [.init(variable: "VPCPIPE_ASSETS_BUCKET_ARN_<REGION>", help: .helpRegionAssetsBucket),
                          .init(variable: "VPCPIPE_TEMPLATE_URL", help: .helpTemplateURL),
                          ScriptHead.poll, ScriptHead.wait, ScriptHead.progress],
            settings: ["# The StackSet and the resources it makes carry the tag \(Names.tagKey)=$PLAN_TAG.",
                       "PLAN_TAG=\(Shell.quote(.text(answers.name)))", "STACK_SET=\(Shell.quote(.text(name(answers))))",
                       "DESCRIPTION=\(Shell.quote(.text("vpcpipe \(vpcpipeVersion): the private CI/CD pipeline \(answers.name) of the AWS article")))",
                       "PREFERENCES=\(json(preferences(stackset)))"],
            waits: ScriptHead.waitLines,
            runtime: ["HERE", "ACCOUNT", "STATUS", "FOUND"] + deploy.flatMap(\.variables),
            here: "cloudformation.yaml is read beside this script."
        ).render(plan)
        out += library.map { "\n" + $0.text(script: "stackset", answers.language) }.joined()
        out += "\nTEMPLATE=\"$HERE/\(CloudFormation.file)\"\n"
        out += ScriptRenderer.identity(plan)
        out += "if [ \"$DELETE\" = 1 ]; then\n" + StackScript.body(delete) + "else\n" + StackScript.body(deploy) + "fi\n"
        out += "\ncompleted\n"
        return out
    }

    private typealias Part = StackScript.Part

    /// StackSetOperationPreferences: a count or a percentage of each (Rules checked them).
    static func preferences(_ stackset: Answers.StackSet) -> JSONValue {
        func preference(_ text: String, least: Int, _ count: String, _ percentage: String) -> (String, JSONValue) {
            let value = Checks.operationPreference(text, least: least)
            return value.percentage.map { (percentage, .number($0)) } ?? (count, .number(value.count ?? least))
        }
        return .object([preference(stackset.failureTolerance, least: 0, "FailureToleranceCount", "FailureTolerancePercentage"),
                        preference(stackset.maxConcurrent, least: 1, "MaxConcurrentCount", "MaxConcurrentPercentage")])
    }

    /// DeploymentTargets: the OUs, and the accounts among them when given.
    private static func targets(_ stackset: Answers.StackSet, accounts: [String] = []) -> JSONValue {
        var members: [(String, JSONValue)] = [("OrganizationalUnitIds", .array(stackset.organizationalUnits.map { .string(.text($0)) }))]
        if !accounts.isEmpty {
            members += [("Accounts", .array(accounts.map { .string(.text($0)) })), ("AccountFilterType", "INTERSECTION")]
        }
        return .object(members)
    }

    /// An account's network ids as the template's parameters among those `declared` (the endpoints' subnets are its
    /// subnets, as the template's default is `network.subnets`), and the endpoints it has already.
    private static func parameters(_ account: Answers.AccountNetwork, declared: Set<String>) -> JSONValue {
        let subnets = account.subnets.joined(separator: ",")
        let values: [(String, String)] = [("VpcId", account.vpc), ("SubnetIds", subnets), ("EndpointSubnetIds", subnets),
                                           ("RouteTableIds", account.routeTables.joined(separator: ","))]
            + account.existingEndpoints.compactMap(EndpointService.init(rawValue:)).map {
                (CloudFormation.exists(endpoint: Declaration.ID.endpoint($0)), "true")
            }
        return .array(values.filter { declared.contains($0.0) }.map { key, value in
            .object([("ParameterKey", .string(.text(key))), ("ParameterValue", .string(.text(value)))])
        })
    }

    private static func json(_ value: JSONValue) -> String { Shell.quote(value.arg) }

    private static func deploySteps(_ plan: Plan, _ stackset: Answers.StackSet) -> [Part] {
        let l = plan.answers.language
        var parts: [Part] = []
        let declared = CloudFormation.parameterNames(plan)
        // The assets bucket, when the template's parameter has no default: read in each region
        // as deploy-stack.sh reads it in one.
        let assets: [String]
        if let check = plan.step(.codeArtifactDomain)?.check, check.capture == Policies.assetsBucketArn.variables[0],
           declared.contains("CodeArtifactAssetsBucketArn") {
            assets = stackset.regions.indices.map { "ASSETS_\($0 + 1)" }
            let absent = Shell.quote(.text(check.absent.joined(separator: "|")))
            parts.append((Phrase.stackSetReadAssets.text(l), zip(assets, stackset.regions).map { variable, region in
                "assets_bucket \(variable) \(Shell.quote(.text(region))) \(absent) " + ScriptRenderer.command(check.command, indent: "")
            }, assets))
        } else {
            assets = []
        }
        func asset(_ index: Int) -> String { assets.isEmpty ? "''" : "\"$\(assets[index])\"" }
        let regions = stackset.regions.joined(separator: ", ")
        let question = Phrase.stackSetConfirm.text(l, ["stackset": name(plan.answers), "regions": regions])
        parts.append((Phrase.stackSetCreateOrUpdate.text(l, ["stackset": name(plan.answers)]),
                      ["proceed \(Shell.quote(.text(question)))", "create_or_update \(json([])) \(asset(0))"], []))
        for (index, region) in stackset.regions.enumerated() {
            let lines = stackset.accounts.isEmpty
                ? ["instances \(Shell.quote(.text(region))) \(json(targets(stackset))) \(json([])) \(asset(index))"]
                : stackset.accounts.map { account in
                    "account_instance \(Shell.quote(.text(region))) \(Shell.quote(.text(account.account))) "
                        + "\(json(targets(stackset, accounts: [account.account]))) \(json(parameters(account, declared: declared))) \(asset(index))"
                }
            parts.append((Phrase.stackSetDeploy.text(l, ["region": region]), lines, []))
        }
        parts.append((Phrase.stackSetList.text(l), ["summary"], []))
        return parts
    }

    private static func deleteSteps(_ stackset: Answers.StackSet, _ l: Language) -> [Part] {
        [(Phrase.stackSetDelete.text(l), [
            "stack_set_status",
            "if [ \"$STATUS\" = NONE ] && [ \"$DRY_RUN\" != 1 ]; then",
            "  echo \(Shell.quote(.text(Phrase.stackSetNone.text(l))))",
            "else",
            "  proceed \(Shell.quote(.text(Phrase.stackSetConfirmDelete.text(l))))",
            "  instance_regions",
            "  if [ \"$DRY_RUN\" = 1 ]; then REGIONS_FOUND=(\(stackset.regions.map { Shell.quote(.text($0)) }.joined(separator: " "))); fi",
            "  if [ \"${#REGIONS_FOUND[@]}\" -gt 0 ]; then",
            "    call cloudformation delete-stack-instances --stack-set-name \"$STACK_SET\" --deployment-targets \(json(targets(stackset))) \\",
            "      --regions \"${REGIONS_FOUND[@]}\" --no-retain-stacks --operation-preferences \"$PREFERENCES\" --query OperationId --output text",
            "    follow \"$OUT\" \(Shell.quote(.text(Phrase.stackSetDeleted.text(l))))",
            "  fi",
            "  call cloudformation delete-stack-set --stack-set-name \"$STACK_SET\"",
            "fi",
        ], [])]
    }
}
