// plan.json: the plan for review and tools, keys sorted so the file is stable. Commands are
// argument lists with runtime parts written as `${NAME}`.

public enum PlanJSON {
    public static func render(_ plan: Plan) -> String {
        let steps: [JSONValue] = plan.steps.map { step in
            var members: [(String, JSONValue)] = [
                ("id", text(step.id.rawValue)),
                ("title", text(step.title)),
                ("why", text(step.why)),
                ("resources", .array(step.resources.map { resource in
                    .object([("kind", text(resource.kind)), ("name", text(resource.name.display)),
                             ("existing", .bool(resource.existing))])
                })),
                ("create", commands(step.create)),
                ("complete", commands(step.complete)),
                ("always", commands(step.always)),
                ("teardown", commands(step.teardown)),
            ]
            if let check = step.check {
                var checkMembers: [(String, JSONValue)] = [("command", argv(check.command)),
                                                          ("mustExist", .bool(check.mustExist))]
                if let capture = check.capture { checkMembers.append(("capture", text(capture))) }
                if let listed = check.listed {
                    checkMembers += [("lookup", text(listed.variable)), ("key", text(listed.key.display))]
                }
                switch check.tag {
                case nil: break
                case .found: checkMembers.append(("tag", text("found")))
                case .call(let read): checkMembers.append(("tag", argv(read)))
                }
                members.append(("check", .object(checkMembers)))
            }
            return .object(members)
        }
        let endpoints: [JSONValue] = plan.endpoints.map {
            .object([("service", text($0.service.rawValue)), ("planned", .bool($0.planned)), ("reason", text($0.reason))])
        }
        let document = JSONValue.object([
            ("version", .number(1)),
            ("region", text(plan.answers.region)),
            ("identity", argv(plan.identity)),
            ("endpoints", .array(endpoints)),
            ("steps", .array(steps)),
        ])
        return document.rendered(pretty: true, sortedKeys: true).display + "\n"
    }

    private static func text(_ value: String) -> JSONValue { .string(.text(value)) }

    private static func argv(_ command: Command) -> JSONValue {
        .array(command.argv.map(text))
    }

    private static func commands(_ actions: [Action]) -> JSONValue {
        .array(actions.flatMap { action -> [JSONValue] in
            switch action {
            case .capture(let name, let command):
                return [.object([("capture", text(name)), ("command", argv(command))])]
            case .lookup(let lookup):
                return [.object([("lookup", text(lookup.variable)), ("command", argv(lookup.command))])]
            case .ifFound(let name, let actions):
                return [.object([("ifFound", text(name)), ("then", commands(actions))])]
            case .unlessListed(let name, let key, let actions):
                return [.object([("unlessListed", text(name)), ("key", text(key.display)), ("then", commands(actions))])]
            case .ifTagged(let read, let resource, let actions):
                return [.object([("ifTagged", argv(read)), ("resource", text(resource.display)), ("then", commands(actions))])]
            case .awaitEndpoints, .awaitInterfacesGone:
                return [.object([("poll", argv(action.commands[0]))])]
            case .emptyBucket:
                return [.object([("list", argv(action.commands[0])), ("deleteEach", argv(action.commands[1]))])]
            case .call(let command):
                return [.object([("command", argv(command))])]
            case .rule(let name, let args, let sets):
                return [.object([("rule", text(name)), ("arguments", .array(args.map { text($0.display) })),
                                 ("sets", .array(sets.map(text)))])]
            }
        })
    }
}
