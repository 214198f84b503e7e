// The build's CloudWatch log group, where the article reads the sample app's answer.

enum LogGroupStep {
    static func make(_ c: PlanContext) -> PlanPart {
        guard c.answers.build.logs == .cloudwatch else { return PlanPart() }
        let names = c.names
        let group = Arg.text(names.logGroup)
        let resource = Resource(.kindLogGroup, group, declarations: [
            Declaration(Declaration.ID.logGroup, "AWS::Logs::LogGroup", [("LogGroupName", .string(group)), ("Tags", c.declaredTags)]),
        ])
        let tag = Command("logs", "list-tags-for-resource").with("resource-arn", names.logGroupArn).query("tags.\(Names.tagKey)")
        return PlanPart([Step(
            id: .logGroup, title: .stepLogGroup, ["group": names.logGroup],
            why: "The build log, where the article reads the square root of 49, goes to this group.",
            resources: [resource],
            // The first page holds the group: names are listed in order, and it prefixes the others.
            check: Check(Command("logs", "describe-log-groups").with("log-group-name-prefix", group)
                .firstPage().query("logGroups[?logGroupName=='\(names.logGroup)'] | [0].logGroupName")).tagged(.call(tag)),
            create: [.call(Command("logs", "create-log-group").with("log-group-name", group).with("tags", c.tagMap))],
            teardown: [.ifTagged(tag, resource: resource,
                                 [.call(Command("logs", "delete-log-group").with("log-group-name", group))])],
            foreign: Problem("build.project", .adviceLogGroup))])
    }
}
