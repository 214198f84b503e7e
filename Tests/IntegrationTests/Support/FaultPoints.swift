import Foundation
import TestSupport

/// The calls setup.sh makes, read from the plan.json it was rendered with: the places where a
/// fault can stop it. Reading the plan rather than keeping a list here keeps the fault tests in
/// step with the planner, whatever calls it adds or drops.
struct PlannedSetup: Decodable {
    struct Action: Decodable {
        var command: [String]?, poll: [String]?, lookup: String?
        /// The actions of a condition (`ifFound`): preflight's lookup of the endpoints' rules.
        var then: [Action]?
    }
    struct Check: Decodable { var command: [String] }
    struct Step: Decodable {
        var id: String, title: String
        var check: Check?
        var create: [Action], always: [Action]
    }

    /// The account lookup every run starts with, before step 1.
    var identity: [String]
    var steps: [Step]

    static func read(from out: URL) throws -> PlannedSetup {
        try JSONDecoder().decode(PlannedSetup.self, from: Data(contentsOf: out.appendingPathComponent("plan.json")))
    }

    /// Every distinct call of the plan, in the order a first run makes them: preflight, every
    /// step's check (read before anything is created), then the steps. A call that sends the
    /// same request as an earlier one (a check and a capture differing only in --query, a lookup
    /// shared by several steps) is the same place for a fault, so it is listed once.
    func points() throws -> [FaultPoint] {
        var points = [try FaultPoint(step: 0, stepID: "identity", title: "the account lookup", kind: "identity",
                                     role: .always, arguments: identity)]
        func add(_ index: Int, _ calls: [(FaultPoint.Role, [String])]) throws {
            let step = steps[index]
            for (role, arguments) in calls {
                let point = try FaultPoint(step: index + 1, stepID: step.id, title: step.title, kind: step.kind,
                                           role: role, arguments: arguments)
                if !points.contains(where: { $0.sendsSameRequest(as: point) }) { points.append(point) }
            }
        }
        func always(_ actions: [Action]) -> [(FaultPoint.Role, [String])] {
            actions.flatMap { action -> [(FaultPoint.Role, [String])] in
                if let then = action.then { return always(then).map { (.ifFound, $0.1) } }
                // A preflight rule judges rows in bash and calls nothing.
                guard let arguments = action.command ?? action.poll else { return [] }
                return [(action.poll != nil ? .poll : action.lookup != nil ? .lookup : .always, arguments)]
            }
        }
        let preflight = steps.indices.filter { steps[$0].id == "preflight" }, acting = steps.indices.filter { steps[$0].id != "preflight" }
        for index in preflight { try add(index, always(steps[index].always)) }
        for index in acting { try add(index, steps[index].check.map { [(.check, $0.command)] } ?? []) }
        for index in acting {
            try add(index, try steps[index].create.enumerated().map { ($0.offset == 0 ? .create : .subCreate, try $0.element.arguments()) }
                + always(steps[index].always))
        }
        return points
    }

    /// Operations that only creating calls use: each must reach AWS exactly as often as the plan
    /// has such calls, however often setup.sh is stopped and run again.
    func creatingOperations() throws -> [String: Int] {
        let all = try points()
        let elsewhere = Set(all.filter { !$0.role.creates }.map(\.operation))
        var counts: [String: Int] = [:]
        for step in steps {
            for action in step.create {
                let operation = try FaultPoint.operation(of: try action.arguments())
                if !elsewhere.contains(operation) { counts[operation, default: 0] += 1 }
            }
        }
        return counts
    }
}

extension PlannedSetup {
    /// The ARNs of the roles the plan creates (create-role's --path and --role-name).
    func roles(account: String) throws -> Set<String> {
        Set(try points().filter { $0.operation == "CreateRole" }.map { point in
            let value = { (option: String) in point.arguments.firstIndex(of: "--\(option)").map { point.arguments[$0 + 1] } }
            return "arn:aws:iam::\(account):role\(value("path") ?? "/")\(value("role-name") ?? "")"
        })
    }
}

extension PlannedSetup.Action {
    func arguments() throws -> [String] {
        guard let arguments = command ?? poll else {
            throw Failure("plan.json: an action with neither command nor poll")
        }
        return arguments
    }
}

extension PlannedSetup.Step {
    /// What kind of step this is, for choosing a sample that covers every kind: whether it
    /// checks first, how many calls create, what it runs every time.
    var kind: String {
        var parts = [check == nil ? "no check" : "check"]
        parts.append(create.count > 1 ? "several creating calls" : "\(create.count) creating call")
        if always.contains(where: { $0.poll != nil }) { parts.append("poll") }
        else if !always.isEmpty { parts.append("always") }
        return parts.joined(separator: ", ")
    }
}

/// One call of the plan where the emulator can fail setup.sh, and the fault that fails it there.
struct FaultPoint: CustomStringConvertible {
    /// A step's later creating calls are sub-creates: a run stopped there leaves the resource
    /// part-made, and the next run must complete it.
    enum Role: String {
        case lookup, check, create, subCreate = "sub-create", always, poll
        /// Made only when an earlier call found something (the rules of the endpoints found).
        case ifFound = "if-found"

        var creates: Bool { self == .create || self == .subCreate }
        /// Made by every run, whatever exists.
        var everyRun: Bool { self == .lookup || self == .always || self == .poll }
        /// Made for certain only by a run that finds the setup complete.
        var needsCompleteSetup: Bool { self == .check || self == .ifFound }
    }
    enum ErrorKind: String, CaseIterable { case access, throttling }

    /// 1-based, as setup.sh numbers its steps; 0 for the account lookup before step 1.
    var step: Int
    var stepID: String, title: String, kind: String
    var role: Role
    var arguments: [String]
    /// As the emulator names them: "s3:PutBucketVersioning".
    var service: String, operation: String
    /// The call's parameters as the plan gives them, so that the fault hits this call and no
    /// other call of the operation; values known only at run time match any value.
    var match: [String: Emulator.MatchValue]

    init(step: Int, stepID: String, title: String, kind: String, role: Role, arguments: [String]) throws {
        self.step = step; self.stepID = stepID; self.title = title; self.kind = kind
        self.role = role; self.arguments = arguments
        let qualified = try FaultPoint.operation(of: arguments).split(separator: ":").map(String.init)
        service = qualified[0]; operation = qualified[1]
        match = FaultPoint.match(arguments.dropFirst(3))
    }

    var description: String { "step \(step) \(stepID) (\(role.rawValue) \(service):\(operation))" }

    func sendsSameRequest(as other: FaultPoint) -> Bool {
        (service, operation, match) == (other.service, other.operation, other.match)
    }

    /// "s3:PutBucketVersioning" for ["aws", "s3api", "put-bucket-versioning", ...].
    static func operation(of arguments: [String]) throws -> String {
        guard arguments.count >= 3, arguments[0] == "aws" else {
            throw Failure("plan.json: not an AWS CLI command: \(arguments)")
        }
        let service = arguments[1] == "s3api" ? "s3" : arguments[1]
        let operation = arguments[2].split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return "\(service):\(operation)"
    }

    /// Options the AWS CLI keeps to itself, which never reach AWS.
    private static let clientOptions: Set = ["query", "output", "region", "profile"]

    private static func match(_ words: ArraySlice<String>) -> [String: Emulator.MatchValue] {
        var match: [String: Emulator.MatchValue] = [:]
        var option: String?, values: [String] = []
        func flush() {
            guard let name = option, !values.isEmpty, !clientOptions.contains(name) else { return }
            // A run-time value (${ACCOUNT}) or a file's content cannot be compared; its presence can.
            if values.contains(where: { $0.contains("${") || $0.hasPrefix("fileb://") || $0.hasPrefix("file://") }) {
                match[name] = .any
            } else {
                match[name] = values.count == 1 ? .word(values[0]) : .words(values)
            }
        }
        for word in words {
            if word.hasPrefix("--") {
                flush()
                option = String(word.dropFirst(2)); values = []
            } else {
                values.append(word)
            }
        }
        flush()
        return match
    }

    /// The error AWS answers with for `kind` in this service's protocol.
    func error(_ kind: ErrorKind) -> (code: String, message: String) {
        switch kind {
        case .access:
            let code = ["ec2": "UnauthorizedOperation", "iam": "AccessDenied", "sts": "AccessDenied", "s3": "AccessDenied"][service]
            return (code ?? "AccessDeniedException",
                    "User: arn:aws:iam::123456789012:user/fault-sweep is not authorized to perform: \(service):\(operation) (injected at \(stepID))")
        case .throttling:
            let code = ["ec2": "RequestLimitExceeded", "iam": "Throttling", "sts": "Throttling", "s3": "SlowDown"][service]
            return (code ?? "ThrottlingException", "Rate exceeded (injected at \(stepID))")
        }
    }

    func fault(_ kind: ErrorKind) -> Emulator.Fault {
        let (code, message) = error(kind)
        return Emulator.Fault(operation: "\(service):\(operation)", error: code, message: message, times: 1, match: match)
    }
}

extension Array where Element == FaultPoint {
    /// Points in plan order, one a step at most, that cover every AWS service, every role of a
    /// call and every kind of step as far as such a chain can: one setup.sh run each stops at
    /// its point and the next resumes past it, so the whole chain costs about one setup.
    func chain() -> [FaultPoint] {
        var covered: Set<String> = [], lastStep = -1
        return filter { point in
            let keys = ["service \(point.service)", "role \(point.role.rawValue)", "kind \(point.kind)"]
            // The chain's runs stop before everything exists: a call made only when something
            // is found may not come.
            guard point.step > lastStep, point.role != .ifFound, !covered.isSuperset(of: keys) else { return false }
            covered.formUnion(keys)
            lastStep = point.step
            return true
        }
    }
}
