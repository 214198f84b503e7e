import TestSupport
@testable import Planner

/// The answers sets whose cloudformation.yaml the template tests read: the article's, each
/// package format's, the choices that change which resources the plan makes, then the script
/// property test's generated answers (its seed: the same sets), every `every`th of them (the
/// linters take about a second a template).
enum TemplateAnswers {
    static func sets(seed: UInt64, every: Int = 1) -> [(label: String, answers: Answers)] {
        var sets: [(label: String, answers: Answers)] = [("article", Article.answers)]
        // The article's own format is the article.
        sets += PackageFormat.allCases.filter { Article.answers($0) != Article.answers }.map { ("article-\($0.rawValue)", Article.answers($0)) }
        func variant(_ label: String, _ change: (inout Answers) -> Void) {
            var answers = Article.answers
            change(&answers)
            sets.append((label, answers))
        }
        variant("default-security-group") { $0.network.securityGroup = .vpcDefault }
        variant("given-security-group") { $0.network.securityGroup = .existing(id: "sg-0123456789abcdef0") }
        variant("least-privilege") { $0.endpoints.policies = .leastPrivilege }
        variant("full-access") { $0.endpoints.policies = .fullAccess }
        variant("poll-no-logs") { $0.pipeline.trigger = .poll; $0.build.logs = .none }
        variant("existing-repository-shared-domain") {
            $0.source.create = false
            $0.codeartifact.domainOwner = "111122223333"
            $0.build.role = .existing(arn: "arn:aws:iam::111122223333:role/build")
        }
        variant("existing-endpoints") { $0.endpoints.existing = [.logs, .sts, .s3] }
        var generator = ValidAnswers(random: SplitMix64(seed: seed))
        for index in 0..<ScriptPropertyTests.runs {
            let answers = generator.answers()
            if index % every == 0 { sets.append(("generated-\(index)", answers)) }
        }
        return sets
    }
}
