// From answers to the plan. `plan` is the table of contents: the steps in execution order, each
// made by its own file under Steps/. The order is that of the article's notes: preflight, VPC
// DNS, IAM roles early (their propagation overlaps the rest), security groups, CodeArtifact, the
// artifact bucket, endpoints (created back to back), CodeCommit, logs, CodeBuild, the endpoints
// awaited once, CodePipeline, the EventBridge trigger.

public enum Planner {
    /// The plan of `answers`, its cost at the table's prices of the region, or at `online` ones
    /// (the Price List API's, `PriceList.unitPrices`) where given.
    public static func plan(_ answers: Answers, online: [PriceKey: UnitPrice] = [:]) -> Plan {
        let context = PlanContext(answers)
        let groups = SecurityGroupSteps.make(context)
        let endpoints = EndpointSteps.make(context, securityGroup: groups.endpoint)
        let parts: [PlanPart] = [
            PreflightStep.make(context),
            VPCDNSStep.make(context),
            RoleSteps.make(context),
            groups.part,
            CodeArtifactSteps.make(context),
            ArtifactBucketStep.make(context),
            endpoints.part,
            SourceRepositorySteps.make(context),
            LogGroupStep.make(context),
            BuildProjectStep.make(context, securityGroup: groups.build),
            // As late as can be, so that their minutes overlap the steps above; but before the
            // pipeline, whose creation starts a first build that needs them.
            EndpointSteps.awaitAvailable(endpoints.interfaces),
            PipelineStep.make(context),
            TriggerStep.make(context),
        ]
        var plan = Plan(answers: answers, identity: Command("sts", "get-caller-identity").query("Account"),
                        steps: parts.flatMap(\.steps), endpoints: context.decisions,
                        policies: parts.flatMap(\.documents))
        plan.cost = Cost.estimate(plan, prices: Catalog.prices(region: answers.region, online: online))
        return plan
    }
}

/// What one step file adds to the plan: its steps and the policy documents they attach.
struct PlanPart {
    var steps: [Step] = []
    var documents: [(file: String, document: JSONValue)] = []

    init(_ steps: [Step] = [], documents: [(file: String, document: JSONValue)] = []) {
        self.steps = steps; self.documents = documents
    }
}
