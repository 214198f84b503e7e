import Planner

/// The endpoints the plan needs for these answers, each with the article's reason.
enum NeededEndpoints {
    struct Need {
        let service: EndpointService
        let why: String
    }

    static func of(_ answers: Answers) -> [Need] {
        EndpointService.allCases.compactMap { service in
            switch service {
            case .logs:
                return answers.build.logs == .cloudwatch
                    ? Need(service: service, why: "CloudWatch Logs: the build writes its log") : nil
            case .codeartifactAPI:
                return Need(service: service, why: "CodeArtifact API: the token and repository endpoint")
            case .codeartifactRepositories:
                return Need(service: service, why: "CodeArtifact repositories: package downloads")
            case .sts:
                return Need(service: service, why: "STS: the buildspec asks for the account id")
            case .s3:
                return Need(service: service, why: "S3 gateway: package assets and pipeline artifacts")
            }
        }
    }
}
