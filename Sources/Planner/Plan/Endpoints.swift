import Foundation

// Which VPC endpoints the build needs, and why: in a VPC without internet every AWS API the
// build calls must be reached through one.

public enum Endpoints {
    public static func decide(_ answers: Answers) -> [EndpointDecision] {
        EndpointService.allCases.map { service in
            answers.endpoints.existing.contains(service)
                ? EndpointDecision(service: service, planned: false,
                                   why: .endpointListedExisting)
                : need(service, answers)
        }
    }

    /// Whether the build calls `service` for these answers, and why, before counting an
    /// endpoint the VPC already has: the wizard lists these for the operator to tick.
    public static func need(_ service: EndpointService, _ answers: Answers) -> EndpointDecision {
        switch service {
        case .logs:
            return answers.build.logs == .cloudwatch
                ? EndpointDecision(service: service, planned: true,
                                   why: .endpointLogs)
                : EndpointDecision(service: service, planned: false,
                                   why: .endpointNoLogs)
        case .sts:
            if SampleApp.callsSTS(answers) {
                return EndpointDecision(service: service, planned: true,
                                        why: .endpointSTS)
            }
            return EndpointDecision(service: service, planned: false, why: answers.codeartifact.domainOwner.isEmpty
                ? .endpointNoSTSFromARN : .endpointNoSTSDomainOwner)
        case .codeartifactAPI:
            return EndpointDecision(service: service, planned: true,
                                    why: .endpointCodeArtifactAPI)
        case .codeartifactRepositories:
            return EndpointDecision(service: service, planned: true,
                                    why: .endpointRepositories,
                                    values: ["tool": Catalog.buildTool(answers).word])
        case .s3:
            return EndpointDecision(service: service, planned: true,
                                    why: .endpointS3)
        }
    }

    /// The variable that holds a created or found endpoint's id: `EP_CODEARTIFACT_API`.
    public static func variable(_ service: EndpointService) -> String {
        "EP_" + service.rawValue.uppercased().replacingOccurrences(of: ".", with: "_")
    }
}
