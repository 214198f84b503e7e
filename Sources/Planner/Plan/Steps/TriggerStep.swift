// The EventBridge rule that starts the pipeline on a push to the branch.

enum TriggerStep {
    static func make(_ c: PlanContext) -> PlanPart {
        guard c.answers.pipeline.trigger == .events else { return PlanPart() }
        let names = c.names, branch = c.answers.source.branch
        let rule = Arg.text(names.rule)
        let tag = Command("events", "list-tags-for-resource").with("resource-arn", names.ruleArn)
            .query(c.tagQuery("Tags", key: "Key", value: "Value"))
        let pattern = JSONValue.object([
            ("source", ["aws.codecommit"]),
            ("detail-type", ["CodeCommit Repository State Change"]),
            ("resources", [.string(names.sourceRepositoryArn)]),
            ("detail", .object([
                ("event", ["referenceCreated", "referenceUpdated"]),
                ("referenceType", ["branch"]),
                ("referenceName", [.string(.text(branch))]),
            ])),
        ])
        let targets = JSONValue.array([.object([
            ("Id", "codepipeline"), ("Arn", .string(names.pipelineArn)), ("RoleArn", .string(names.eventsRoleArn)),
        ])])
        let description = "Starts \(c.answers.pipeline.name) on a push to \(branch)"
        let resource = Resource(.kindRule, rule, declarations: [
            Declaration(Declaration.ID.rule, "AWS::Events::Rule", [
                ("Name", .string(rule)), ("Description", .string(.text(description))), ("EventPattern", pattern),
                ("State", "ENABLED"), ("Targets", targets), ("Tags", c.declaredTags),
            ], dependsOn: [Declaration.ID.eventsRole, Declaration.ID.pipeline]),
        ])
        return PlanPart([Step(
            id: .trigger, title: .stepTrigger, ["rule": names.rule, "branch": branch],
            why: "A push to the branch starts the pipeline through EventBridge, so the source stage does not poll (PollForSourceChanges is false).",
            resources: [resource],
            check: Check(Command("events", "describe-rule").with("name", rule).query("Name"),
                         absent: ["ResourceNotFoundException"]).tagged(.call(tag)),
            create: [.call(Command("events", "put-rule").with("name", rule).with("event-pattern", pattern.arg)
                .with("description", .text(description))
                .with("tags", c.tags(key: "Key", value: "Value")))],
            always: [.call(Command("events", "put-targets", retriesPropagation: true).with("rule", rule)
                .with("targets", targets.arg))],
            teardown: [.ifTagged(tag, resource: resource,
                                 [.call(Command("events", "remove-targets").with("rule", rule).with("ids", "codepipeline")),
                                  .call(Command("events", "delete-rule").with("name", rule))])],
            foreign: Problem("pipeline.name", .adviceEventsNames))])
    }
}
