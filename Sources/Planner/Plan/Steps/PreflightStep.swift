// Preflight: the VPC, its subnets and the region's CodeArtifact endpoints checked, and the
// lookups that find several resources a call run once, before anything is created.

enum PreflightStep {
    static func make(_ c: PlanContext) -> PlanPart {
        let network = c.network
        // Every subnet found in the VPC proves the VPC too: no call of its own.
        var checks: [Action] = [
            .expect(Command("ec2", "describe-subnets").with("subnet-ids", network.subnets.map(Arg.text))
                        .with("filters", c.filters(("vpc-id", .text(network.vpc)))).query("length(Subnets)"),
                    equals: String(network.subnets.count),
                    message: "some subnets of network.subnets are not in \(network.vpc), or that VPC does not exist"),
        ]
        let codeArtifactServices = c.planned.filter { $0 == .codeartifactAPI || $0 == .codeartifactRepositories }
        if !codeArtifactServices.isEmpty {
            checks.append(.call(Command("ec2", "describe-vpc-endpoint-services")
                .with("service-names", codeArtifactServices.map { .text($0.serviceName(region: c.answers.region)) })
                .query("ServiceNames")))
        }
        let lookups: [Lookup?] = [RoleSteps.lookup(c), SecurityGroupSteps.lookup(c), CodeArtifactSteps.repositoryLookup(c),
                       EndpointSteps.lookup(c), SourceRepositorySteps.sampleFileLookup(c)]
        checks += lookups.compactMap { $0.map(Action.lookup) }
        return PlanPart([Step(
            id: .preflight, title: "Check the VPC, its subnets and CodeArtifact endpoints in \(c.answers.region); find what exists",
            why: "The article builds in your own private VPC; a wrong id or a region without CodeArtifact endpoints is cheaper to find before anything is created, and one call finding several resources is cheaper than one call each.",
            always: checks)])
    }
}
