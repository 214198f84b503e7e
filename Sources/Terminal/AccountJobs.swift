import Account
import Foundation
import Planner
import Wizard

/// The wizard's reads of the account, run off the key loop: each on a thread of its own,
/// through one reader for the session (one cache), cancellable; their answers wait in an inbox
/// that the loop drains between keys.
final class AccountJobs: @unchecked Sendable {
    private let reader = AccountReader(AWSSettings(profile: "", region: ""))
    private let lock = NSLock()
    private var inbox: [Message] = []
    private var cancellations: [(job: AccountJob, cancellation: Cancellation)] = []

    /// Starts and stops what the state asks for.
    func carryOut(_ discovery: Discovery) {
        for job in discovery.toCancel { cancel(job) }
        for job in discovery.toStart { start(job) }
    }

    func start(_ job: AccountJob) {
        let cancellation = Cancellation()
        lock.withLock { cancellations.append((job, cancellation)) }
        // The Price List API answers in its own region, whatever region it prices.
        let region = job.query == .prices ? PriceList.endpointRegion : job.scope.region
        let settings = AWSSettings(profile: job.scope.profile, region: region, environment: reader.settings.environment)
        let reader = reader.with(settings, cancellation: cancellation)
        Thread.detachNewThread { [self] in
            let result: Result<AccountAnswer, AccountError>
            do {
                result = .success(try Self.answer(job, reader))
            } catch let error as AccountError {
                result = .failure(error)
            } catch {
                result = .failure(.failed("\(error)"))
            }
            lock.withLock {
                cancellations.removeAll { $0.cancellation === cancellation }
                inbox.append(.discovered(job, result))
            }
        }
    }

    func cancel(_ job: AccountJob) {
        lock.withLock { cancellations.filter { $0.job == job } }.forEach { $0.cancellation.cancel() }
    }

    /// Stops every read (the wizard is ending): their processes are killed.
    func cancelAll() {
        lock.withLock { cancellations }.forEach { $0.cancellation.cancel() }
    }

    /// The answers that came since the last call.
    func drain() -> [Message] {
        lock.withLock {
            defer { inbox = [] }
            return inbox
        }
    }

    private static func answer(_ job: AccountJob, _ reader: AccountReader) throws -> AccountAnswer {
        let region = job.scope.region
        switch job.query {
        case .identity:
            return .identity(try reader.read(AccountReads.identity))
        case .profiles:
            return .profiles(reader.settings.profiles)
        case .regions:
            let enabled = AccountReads.regions, offered = AccountReads.codeArtifactRegions
            reader.prefetch([AWSCall(raw: enabled), AWSCall(raw: offered)])
            return .regions(RegionFacts(enabled: try reader.read(enabled), codeArtifact: try reader.read(offered)))
        case .network:
            let vpcs = AccountReads.vpcs(region: region), subnets = AccountReads.subnets(region: region)
            let tables = AccountReads.routeTables(region: region), groups = AccountReads.securityGroups(region: region)
            reader.prefetch([AWSCall(raw: vpcs), AWSCall(raw: subnets), AWSCall(raw: tables), AWSCall(raw: groups)])
            let found = try reader.read(vpcs)
            let dns = found.map { AccountReads.dns(vpc: $0.id) }
            reader.prefetch(dns.flatMap { $0.map { AWSCall(raw: $0) } })
            var attributes: [String: VPCDNS] = [:]
            for (vpc, calls) in zip(found, dns) {
                attributes[vpc.id] = VPCDNS(support: try reader.read(calls[0]), hostnames: try reader.read(calls[1]))
            }
            return .network(NetworkFacts(vpcs: found, dns: attributes, subnets: try reader.read(subnets),
                                         routeTables: try reader.read(tables), securityGroups: try reader.read(groups)))
        case .resources:
            let roles = AccountReads.roles, repositories = AccountReads.repositories(region: region)
            let domains = AccountReads.domains(region: region)
            reader.prefetch([AWSCall(raw: roles), AWSCall(raw: repositories), AWSCall(raw: domains)])
            // One list denied (CodeCommit closed to the account, say) leaves the others offered.
            var failures: [AccountError] = []
            func list<Value>(_ call: AWSCall<[Value]>) throws -> [Value] {
                do { return try reader.read(call) } catch let error as AccountError where error.isAnswer {
                    failures.append(error)
                    return []
                }
            }
            let resources = AccountResources(roles: try list(roles), repositories: try list(repositories), domains: try list(domains))
            if failures.count == 3, let first = failures.first { throw first }
            return .resources(resources)
        case .check(let answers):
            return .check(try AccountCheck.run(Planner.plan(answers), reader: reader))
        case .prices:
            // A price not found keeps the table's figure, as --live's does.
            return .prices(try PriceList.read(region: region, reader: reader).prices)
        }
    }
}
