import Account
import Planner

// The lists the account's answers make, for the fields that offer them: nil while nothing is
// known (discovery off, a read failed or still running), and the field is typed.

extension WizardState {
    private var network: NetworkFacts? { discovery.network }

    /// The default credentials, then the AWS CLI's profiles: the start screen's line says whose
    /// account the chosen one reaches.
    var profileOptions: [Pick.Option]? {
        discovery.profiles.map { [Pick.Option(value: "", detail: say(.blankDefaultCredentials))] + $0.map { Pick.Option(value: $0) } }
    }

    /// The account's enabled regions, those where CodeArtifact is offered first and marked; the
    /// catalog's (all CodeArtifact's) while they are not known (discovery off, a read failed).
    var regionOptions: [Select.Option] {
        guard let regions = discovery.regions else { return Catalog.codeArtifactRegions.map { Select.Option(value: $0) } }
        let offered = regions.enabled.filter(regions.codeArtifact.contains)
        return offered.map { Select.Option(value: $0, note: say(.codeArtifactOffered)) }
            + regions.enabled.filter { !offered.contains($0) }.map { Select.Option(value: $0, note: say(.noCodeArtifact)) }
    }

    /// The region's VPCs, those that suit the article first.
    var vpcOptions: [Pick.Option]? {
        guard let network else { return nil }
        return network.rankedVPCs.map { vpc in
            let zones = network.privateZones(of: vpc.id)
            var detail = [vpc.name.isEmpty ? say(.noName) : vpc.name, vpc.cidr,
                          zones == 0 ? say(.noPrivateSubnet) : zones == 1 ? say(.privateInOneZone) : say(.privateInZones, ["count": String(zones)])]
            if let dns = network.dns[vpc.id] { detail.append(say(dns.support && dns.hostnames ? .dnsOn : .dnsOff)) }
            if vpc.isDefault { detail.append(say(.defaultVPC)) }
            return Pick.Option(value: vpc.id, detail: detail.joined(separator: "  "))
        }
    }

    /// The chosen VPC's subnets, with their zone, range, free addresses and route table.
    var subnetOptions: [Pick.Option]? {
        guard let network, network.vpcs.contains(where: { $0.id == answers.network.vpc }) else { return nil }
        return network.subnets(of: answers.network.vpc).map { subnet in
            let table = network.table(of: subnet)
            let detail = [subnet.name, subnet.zone, subnet.cidr, say(.freeAddresses, ["count": String(subnet.freeAddresses)]), table?.id ?? say(.noRouteTable)]
                .filter { !$0.isEmpty }.joined(separator: "  ")
            let out = table?.internetTargets ?? []
            return Pick.Option(value: subnet.id, detail: detail,
                               warning: out.isEmpty ? "" : say(.routesOutAllowed, ["targets": out.joined(separator: ", ")]))
        }
    }

    /// The one-subnet-per-zone rule of interface endpoints, said under a second subnet of a zone.
    func subnetNote(_ id: String) -> String? {
        guard let network, let subnet = network.subnets.first(where: { $0.id == id }) else { return nil }
        let sameZone = answers.network.subnets.filter { other in network.subnets.first { $0.id == other }?.zone == subnet.zone }
        guard let first = sameZone.first, first != id else { return nil }
        return say(.sharesZone, ["zone": subnet.zone, "first": first])
    }

    /// The route tables the chosen subnets use: derived, not typed.
    var routeTableOptions: [Pick.Option]? {
        guard let network, let tables = network.tables(of: answers.network.subnets), !tables.isEmpty else { return nil }
        return tables.compactMap { id in network.routeTables.first { $0.id == id } }.map { table in
            let users = answers.network.subnets.filter { subnet in
                network.subnets.first { $0.id == subnet }.flatMap(network.table(of:))?.id == table.id
            }
            return Pick.Option(value: table.id, detail: say(table.isMain ? .tableOfMain : .tableOf, ["subnets": users.joined(separator: say(.andSeparator))]),
                               warning: table.internetTargets.isEmpty ? "" : say(.routesOut, ["targets": table.internetTargets.joined(separator: ", ")]))
        }
    }

    /// Always a choice: create, the VPC's default, or an existing group, those of the VPC
    /// listed once the account is read (an id typed is kept as typed).
    var securityGroupOptions: [Pick.Option]? {
        let choices = [Pick.Option(value: "create", detail: say(.groupCreate)), Pick.Option(value: "default", detail: say(.groupDefault))]
        guard let network, network.vpcs.contains(where: { $0.id == answers.network.vpc }) else {
            return choices + [Pick.Option(value: "sg-...", detail: say(.groupTyped))]
        }
        return choices + network.securityGroups.filter { $0.vpc == answers.network.vpc }.sorted { $0.name < $1.name }
            .map { Pick.Option(value: $0.id, detail: $0.name) }
    }

    /// "new", then the account's roles that `service` may assume.
    func roleOptions(trusting service: String) -> [Pick.Option]? {
        guard let resources = discovery.resources else { return nil }
        return [Pick.Option(value: "new", detail: say(.roleNew))]
            + resources.roles.filter { $0.trusts.contains(service) }.sorted { $0.name < $1.name }
                .map { Pick.Option(value: $0.arn, detail: $0.name) }
    }

    var repositoryOptions: [Pick.Option]? {
        discovery.resources.map { $0.repositories.sorted().map { Pick.Option(value: $0, detail: say(.inTheAccount)) } }
    }

    var domainOptions: [Pick.Option]? {
        discovery.resources.map { $0.domains.sorted().map { Pick.Option(value: $0, detail: say(.inTheAccount)) } }
    }

    /// The endpoints the build needs, each with what the VPC holds of it, judged by setup.sh's rules.
    var endpointOptions: [MultiSelect.Option] {
        let found = discovery.checked?.findings.endpoints ?? [:]
        return EndpointService.allCases.map { Endpoints.need($0, answers) }.filter(\.planned).map { decision in
            let service = decision.service.rawValue, why = decision.reason(language)
            switch found[decision.service] {
            case nil:
                return MultiSelect.Option(value: service, why: why)
            case .fit(let id)?:
                return MultiSelect.Option(value: service, why: why, found: say(.endpointFits, ["id": id]))
            case .ours(let id)?:
                return MultiSelect.Option(value: service, why: why, found: say(.endpointOurs, ["id": id]))
            case .unfit(let id, let problems)?:
                return MultiSelect.Option(value: service, why: why,
                                          found: say(.endpointUnfit, ["id": id, "problems": problems.map { $0.text(language) }
                                                                    .joined(separator: say(.problemsSeparator))]), unfit: true)
            case .absent(let other)?:
                return MultiSelect.Option(value: service, why: why,
                                          found: other.map { say(.endpointAbsentOther, ["other": $0]) } ?? say(.endpointAbsent))
            }
        }
    }
}
