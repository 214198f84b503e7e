import Foundation

// Which VPC endpoints the build needs, and why: in a VPC without internet every AWS API the
// build calls must be reached through one.

public enum Endpoints {
    public static func decide(_ answers: Answers) -> [EndpointDecision] {
        EndpointService.allCases.map { service in
            answers.endpoints.existing.contains(service)
                ? EndpointDecision(service: service, planned: false,
                                   reason: "listed under endpoints.existing: the VPC already has one")
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
                                   reason: "the build sends its log to CloudWatch Logs")
                : EndpointDecision(service: service, planned: false,
                                   reason: "build.logs is none: the build writes no CloudWatch log")
        case .sts:
            if SampleApp.callsSTS(answers) {
                return EndpointDecision(service: service, planned: true,
                                        reason: "the sample buildspec reads the account with aws sts get-caller-identity")
            }
            return EndpointDecision(service: service, planned: false, reason: answers.codeartifact.domainOwner.isEmpty
                ? "build.account_from_arn: the buildspec reads the account from $CODEBUILD_BUILD_ARN, without STS"
                : "codeartifact.domain_owner names the account: the buildspec does not call STS")
        case .codeartifactAPI:
            return EndpointDecision(service: service, planned: true,
                                    reason: "aws codeartifact login gets its token and the repository endpoint through the CodeArtifact API")
        case .codeartifactRepositories:
            return EndpointDecision(service: service, planned: true,
                                    reason: "\(Catalog.buildTool(answers).word) downloads packages from the repository endpoint")
        case .s3:
            return EndpointDecision(service: service, planned: true,
                                    reason: "packages are stored in the domain's assets bucket and the pipeline's artifacts in the artifact bucket, both in S3")
        }
    }

    /// The variable that holds a created or found endpoint's id: `EP_CODEARTIFACT_API`.
    public static func variable(_ service: EndpointService) -> String {
        "EP_" + service.rawValue.uppercased().replacingOccurrences(of: ".", with: "_")
    }
}
