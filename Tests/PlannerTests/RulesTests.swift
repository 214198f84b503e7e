import TestSupport
import XCTest
@testable import Planner

/// One test per rule of the answers file (docs/answers.md): values that pass and values that fail, on typed answers.
final class RulesTests: XCTestCase {
    /// The diagnostics of the valid answers changed by `change`.
    private func check(_ change: (inout Answers) -> Void) -> [Diagnostic] {
        var answers = Article.answers
        change(&answers)
        return Rules.check(answers)
    }

    private func assertPasses<Value>(_ keyPath: WritableKeyPath<Answers, Value>, _ values: [Value], path: String,
                                     file: StaticString = #filePath, line: UInt = #line) {
        for value in values {
            let found = check { $0[keyPath: keyPath] = value }.errors
            XCTAssertEqual(found, [], "\(path) = \(value)", file: file, line: line)
        }
    }

    private func assertFails<Value>(_ keyPath: WritableKeyPath<Answers, Value>, _ values: [Value], path: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        for value in values {
            let found = check { $0[keyPath: keyPath] = value }.errors
            XCTAssertEqual(found.map(\.path), [path], "\(path) = \(value)", file: file, line: line)
        }
    }

    func testValidAnswersPassEveryRule() {
        XCTAssertEqual(Rules.check(Article.answers), [])
    }

    func testMessagesSayWhatIsWrongThenWhatIsExpected() {
        let found = check { $0.source.repository = "Private!" }
        XCTAssertEqual(found, [.error("source.repository",
            "\"Private!\" is not a valid repository name (1-100 of A-Z a-z 0-9 . _ -, not ending in .git)")])
    }

    func testVersion() {
        XCTAssertEqual(check { $0.version = 2 }, [.error("version", "version 2 is not supported by this vpcpipe (version: 1)")])
    }

    func testRegion() {
        assertPasses(\.region, ["us-west-2", "ap-northeast-1", "eu-central-1"], path: "region")
        assertPasses(\.region, ["us-gov-west-1", "cn-north-1", "ca-central-1"], path: "region")
        assertFails(\.region, ["", "us-west", "US-WEST-2", "uswest2", "us west 2", "us-west-2a"], path: "region")
        XCTAssertEqual(check { $0.region = "" }.first?.message, "required (a region code such as us-west-2)")
    }

    func testRegionWithoutCodeArtifactIsAWarning() {
        let found = check { $0.region = "ca-central-1" }
        XCTAssertEqual(found.errors, [])
        XCTAssertEqual(found.warnings.map(\.path), ["region"])
        XCTAssertTrue(found.warnings[0].message.hasPrefix("CodeArtifact is not known in ca-central-1 ("))
    }

    func testProfile() {
        assertPasses(\.profile, ["", "default", "dev.team@example+1_x-y"], path: "profile")
        assertFails(\.profile, ["my profile", "a/b", String(repeating: "p", count: 65)], path: "profile")
    }

    func testName() {
        assertPasses(\.name, ["Private", "a", "my-app_1", String(repeating: "n", count: 32)], path: "name")
        assertFails(\.name, ["", "-x", "_x", "Private!", "a.b", String(repeating: "n", count: 33)], path: "name")
    }

    func testTags() {
        let good = [Answers.Tag(key: "Team", value: "Platform"), .init(key: "cost center", value: "a/b=c+d@e:f_g.h-i"),
                    .init(key: "チーム", value: "値"), .init(key: "Empty", value: "")]
        XCTAssertEqual(check { $0.tags = good }, [])
        let bad: [(Answers.Tag, String)] = [
            (.init(key: "", value: "x"), "tags."),
            (.init(key: "a#b", value: "x"), "tags.a#b"),
            (.init(key: String(repeating: "k", count: 128), value: "x"), "tags." + String(repeating: "k", count: 128)),
            (.init(key: "Team", value: "a!"), "tags.Team"),
            (.init(key: "Team", value: String(repeating: "v", count: 256)), "tags.Team"),
        ]
        for (tag, path) in bad {
            XCTAssertEqual(check { $0.tags = [tag] }.errors.map(\.path), [path], "\(tag)")
        }
    }

    func testTagKeysMayNotUseTheAWSPrefixOrRepeat() {
        XCTAssertEqual(check { $0.tags = [.init(key: "AWS:owner", value: "x")] },
                       [.error("tags.AWS:owner", "\"AWS:owner\" is reserved for AWS (a key not starting with aws:)")])
        XCTAssertEqual(check { $0.tags = [.init(key: "Team", value: "a"), .init(key: "Team", value: "b")] },
                       [.error("tags.Team", "tag key \"Team\" appears twice (each key once)")])
    }

    func testSourceProvider() {
        assertPasses(\.source.provider, ["codecommit"], path: "source.provider")
        assertFails(\.source.provider, ["github", "CodeCommit", ""], path: "source.provider")
    }

    func testSourceRepository() {
        assertPasses(\.source.repository, ["Private", "my.repo_1-x", String(repeating: "r", count: 100)],
                     path: "source.repository")
        assertFails(\.source.repository, ["", "Private!", "x.git", "a b", String(repeating: "r", count: 101)],
                    path: "source.repository")
    }

    /// setup.sh never commits to a repository it did not create: asking for the sample app there
    /// would silently do nothing, so it is a warning; each setting alone is quiet.
    func testSampleAppOnAnExistingRepositoryIsAWarning() {
        XCTAssertEqual(check { $0.source.create = false }.map(\.path), ["source.sample_app"])
        XCTAssertEqual(check { $0.source.create = false }.warnings.first?.message,
                       "nothing is committed to a repository that exists already: the sample app "
                       + "is only written to repo/ (commit it yourself, or choose no sample app)")
        XCTAssertEqual(check { $0.source.create = false; $0.source.sampleApp = false }, [])
        XCTAssertEqual(check { $0.source.sampleApp = false }, [])
    }

    func testBranchFollowsGitCheckRefFormat() {
        assertPasses(\.source.branch, ["main", "feature/x-1", "release-1.0", "a.b/c@d", "ü"], path: "source.branch")
        let bad = ["", "a..b", "a b", "a~b", "a^b", "a:b", "a?b", "a*b", "a[b", "a\\b", "-x", "/x", "x/",
                   "x.lock", "x.", "a@{b", "a//b", "@", "HEAD", "a/.b", "a.lock/b", "a\u{7F}b",
                   String(repeating: "b", count: 257)]
        assertFails(\.source.branch, bad, path: "source.branch")
        XCTAssertEqual(check { $0.source.branch = "a..b" }.first?.message,
                       "\"a..b\" is not a valid branch name (no \"..\")")
    }

    func testDomain() {
        assertPasses(\.codeartifact.domain, ["private", "my-domain", "a1", String(repeating: "d", count: 50)],
                     path: "codeartifact.domain")
        assertFails(\.codeartifact.domain, ["", "Private", "p", "1abc", "abc-", "a_b", String(repeating: "d", count: 51)],
                    path: "codeartifact.domain")
    }

    func testDomainOwner() {
        assertPasses(\.codeartifact.domainOwner, ["", "123456789012"], path: "codeartifact.domain_owner")
        assertFails(\.codeartifact.domainOwner, ["12345", "abcdefghijkl", "1234567890123"], path: "codeartifact.domain_owner")
    }

    func testCodeArtifactRepository() {
        assertPasses(\.codeartifact.repository, ["Private", "A.b_c-d", "ab"], path: "codeartifact.repository")
        assertFails(\.codeartifact.repository, ["", "P", "_abc", "a b", String(repeating: "r", count: 101)],
                    path: "codeartifact.repository")
    }

    func testUpstream() {
        assertPasses(\.codeartifact.upstream, ["npm-store", "Other.Repo"], path: "codeartifact.upstream")
        assertFails(\.codeartifact.upstream, ["x", "-store"], path: "codeartifact.upstream")
        XCTAssertEqual(check { $0.codeartifact.upstream = "Private" }, [.error("codeartifact.upstream",
            "the upstream cannot be the repository itself (another name, or blank for none)")])
    }

    func testBlankUpstreamMeansNoExternalConnection() {
        XCTAssertEqual(check { $0.codeartifact.upstream = ""; $0.codeartifact.externalConnection = "" }, [])
        XCTAssertEqual(check { $0.codeartifact.upstream = "" }.errors.map(\.path), ["codeartifact.external_connection"])
        // An upstream without a public connection is allowed.
        XCTAssertEqual(check { $0.codeartifact.externalConnection = "" }, [])
    }

    func testExternalConnectionMustSuitTheFormat() {
        XCTAssertEqual(check { $0.codeartifact.externalConnection = "public:pypi" }, [.error(
            "codeartifact.external_connection", "\"public:pypi\" does not suit npm (npm: public:npmjs)")])
        assertFails(\.codeartifact.externalConnection, ["public:nope", "npmjs"], path: "codeartifact.external_connection")
        let maven = check {
            $0.codeartifact.format = .maven
            $0.codeartifact.upstream = "maven-central-store"
            $0.codeartifact.externalConnection = "public:maven-clojars"
            $0.build.runtime = "java:corretto21"
            $0.build.tool = "maven"
        }
        XCTAssertEqual(maven, [])
    }

    func testTheBuildToolSuitsTheFormat() {
        for format in Catalog.formats {
            for tool in format.buildTools {
                XCTAssertEqual(Rules.check(Article.answers(format.format, tool: tool.name)), [], tool.name)
            }
        }
        XCTAssertEqual(check { $0.build.tool = "gradle" }, [.error("build.tool", "\"gradle\" does not build npm packages (npm: npm | yarn)")])
        assertFails(\.build.tool, ["ant", "", "Yarn"], path: "build.tool")
        // A change of format in the wizard refills the tool while it holds the old format's default.
        var maven = Article.answers
        maven.codeartifact.format = .maven
        XCTAssertEqual(AnswerSchema.refill(from: Article.answers, to: maven).build.tool, "maven")
    }

    func testBuildProject() {
        assertPasses(\.build.project, ["Private", "my_project-2", String(repeating: "p", count: 150)], path: "build.project")
        assertFails(\.build.project, ["", "P", "my.project", "-p", String(repeating: "p", count: 151)], path: "build.project")
    }

    func testImageComesFromTheCatalog() {
        for image in Catalog.images where image.maintained {
            XCTAssertEqual(check { $0.build.image = image.name; $0.build.runtime = image.runtimes[0] }, [], image.name)
        }
        assertFails(\.build.image, ["ubuntu:latest", ""], path: "build.image")
    }

    func testTheArticlesImageIsAWarning() {
        let found = check { $0.build.image = Catalog.articleImage; $0.build.runtime = "nodejs:16" }
        XCTAssertEqual(found, [.warning("build.image", "\(Catalog.articleImage) is no longer maintained by AWS "
                                         + "(\(Catalog.defaultImage))")])
    }

    func testRuntimeMustBePreinstalledInTheImage() {
        assertPasses(\.build.runtime, ["nodejs:18", "nodejs:22", "nodejs:24"], path: "build.runtime")
        XCTAssertEqual(check { $0.build.runtime = "nodejs:16" }, [.error("build.runtime",
            "nodejs:16 is not preinstalled in aws/codebuild/amazonlinux-x86_64-standard:5.0 "
            + "(nodejs:18, nodejs:20, nodejs:22, nodejs:24)")])
        assertFails(\.build.runtime, ["node20", "nodejs", "nodejs:", "", "ruby:3.3"], path: "build.runtime")
    }

    func testTheSampleAppsRuntimeFollowsTheFormat() {
        let pypi: (inout Answers) -> Void = {
            $0.codeartifact.format = .pypi
            $0.codeartifact.upstream = "pypi-store"
            $0.codeartifact.externalConnection = "public:pypi"
            $0.build.tool = "pip"
        }
        XCTAssertEqual(check(pypi).errors.map(\.message), ["the pypi sample app builds with python "
            + "(python:3.9, python:3.10, python:3.11, python:3.12, python:3.13, python:3.14)"])
        // Not committed: a warning, and repo/ holds the buildspec alone.
        for uncommitted: (inout Answers) -> Void in [{ $0.source.sampleApp = false }, { $0.source.create = false }] {
            var answers = Article.answers
            pypi(&answers)
            uncommitted(&answers)
            XCTAssertEqual(Rules.check(answers).map(\.severity), Array(repeating: .warning, count: Rules.check(answers).count))
            XCTAssertTrue(Rules.check(answers).contains { $0.path == "build.runtime" && $0.message.hasSuffix("repo/ gets the buildspec only") })
            XCTAssertEqual(SampleApp.files(answers).map(\.path), ["buildspec.yml"])
        }
    }

    func testComputeType() {
        assertPasses(\.build.computeType, Catalog.computeTypes, path: "build.compute_type")
        assertFails(\.build.computeType, ["BUILD_GENERAL1_HUGE", "small", ""], path: "build.compute_type")
    }

    func testBuildspec() {
        assertPasses(\.build.buildspec, ["buildspec.yml", "ci/build-spec_2.yaml"], path: "build.buildspec")
        // A last part "." passed once, and then the output folder could not be written (exit 73, not 1).
        assertFails(\.build.buildspec, ["", "/abs.yml", "../x.yml", "a/../b.yml", "a b.yml", "ci/", "$(x).yml",
                                        "ci/.", ".", "./.", "a//b.yml"], path: "build.buildspec")
    }

    func testRoles() {
        let good = ["new", "arn:aws:iam::123456789012:role/x", "arn:aws:iam::123456789012:role/service-role/codebuild-Private",
                    "arn:aws:iam::123456789012:role/a/b/Name+=,.@-_"]
        assertPasses(\.build.role.text, good, path: "build.role")
        assertPasses(\.pipeline.role.text, good, path: "pipeline.role")
        let bad = ["", "New", "arn:aws:iam::123:role/x", "arn:aws:iam::123456789012:user/x", "arn:aws:s3:::x",
                   "arn:aws-iso:iam::123456789012:role/x", "arn:aws:iam::123456789012:role/" + String(repeating: "n", count: 65),
                   "arn:aws:iam::123456789012:role/x y"]
        assertFails(\.build.role.text, bad, path: "build.role")
        assertFails(\.pipeline.role.text, bad, path: "pipeline.role")
    }

    func testARolesPartitionMatchesTheRegion() {
        let china = check { $0.region = "cn-north-1"; $0.build.role = .existing(arn: "arn:aws-cn:iam::123456789012:role/x") }
        XCTAssertEqual(china.errors, [])
        XCTAssertEqual(check { $0.region = "cn-north-1"; $0.pipeline.role = .existing(arn: "arn:aws:iam::123456789012:role/x") }.errors,
                       [.error("pipeline.role", "the role is in partition aws, the region cn-north-1 in aws-cn (an ARN of aws-cn)")])
    }

    func testPipelineName() {
        assertPasses(\.pipeline.name, ["Private", "a.b@c_d-e", String(repeating: "p", count: 100)], path: "pipeline.name")
        assertFails(\.pipeline.name, ["", "a b", "a/b", String(repeating: "p", count: 101)], path: "pipeline.name")
    }

    func testArtifactBucketFollowsS3NamingRules() {
        assertPasses(\.pipeline.artifactBucket, ["", "my-bucket.2024", "abc", String(repeating: "b", count: 63)],
                     path: "pipeline.artifact_bucket")
        let bad = ["ab", String(repeating: "b", count: 64), "My-Bucket", "my_bucket", "-bucket", "bucket-", "my..bucket",
                   "my-.bucket", "my.-bucket", "192.168.1.1", "xn--bucket", "sthree-bucket", "bucket-s3alias", "bucket--ol-s3"]
        assertFails(\.pipeline.artifactBucket, bad, path: "pipeline.artifact_bucket")
        XCTAssertEqual(check { $0.pipeline.artifactBucket = "192.168.1.1" }.first?.message,
                       "\"192.168.1.1\" is not a valid bucket name (not an IP address)")
    }

    func testVPCIsRequired() {
        assertPasses(\.network.vpc, ["vpc-0123abcd", "vpc-0123456789abcdef0"], path: "network.vpc")
        assertFails(\.network.vpc, ["", "vpc-123", "vpc-0123456789ABCDEF0", "subnet-0123abcd", "vpc-0123456789abcdef"],
                    path: "network.vpc")
        XCTAssertEqual(check { $0.network.vpc = "" }.first?.message,
                       "required (your VPC's id: vpc- then 8 or 17 lower-case hex digits)")
    }

    func testSubnets() {
        XCTAssertEqual(check { $0.network.subnets = [] }.errors.map(\.path), ["network.subnets"])
        XCTAssertEqual(check { $0.network.subnets = ["subnet-0123abcd", "subnet-x"] }.errors.map(\.path),
                       ["network.subnets[1]"])
        XCTAssertEqual(check { $0.network.subnets = ["subnet-0123abcd", "subnet-0123abcd"] },
                       [.error("network.subnets[1]", "subnet-0123abcd is listed twice (each subnet id once)")])
    }

    func testASingleSubnetIsAWarning() {
        XCTAssertEqual(check { $0.network.subnets = ["subnet-0123abcd"] },
                       [.warning("network.subnets", "one subnet is one AZ (two or more AZs are recommended)")])
    }

    func testRouteTablesAreNeededUnlessS3IsExisting() {
        XCTAssertEqual(check { $0.network.routeTables = [] }.errors.map(\.path), ["network.route_tables"])
        XCTAssertEqual(check { $0.network.routeTables = []; $0.endpoints.existing = [.s3] }, [])
        XCTAssertEqual(check { $0.network.routeTables = ["rtb-1"] }.errors.map(\.path), ["network.route_tables[0]"])
        XCTAssertEqual(check { $0.network.routeTables = ["rtb-0123abcd", "rtb-0123abcd"] }.errors.map(\.path),
                       ["network.route_tables[1]"])
    }

    func testSecurityGroup() {
        assertPasses(\.network.securityGroup.text, ["create", "default", "sg-0123abcd", "sg-0123456789abcdef0"],
                     path: "network.security_group")
        assertFails(\.network.securityGroup.text, ["", "new", "sg-xyz", "Create"], path: "network.security_group")
    }

    func testExistingEndpointsOnce() {
        XCTAssertEqual(check { $0.endpoints.existing = [.logs, .sts] }, [])
        XCTAssertEqual(check { $0.endpoints.existing = [.logs, .sts, .logs] },
                       [.error("endpoints.existing[2]", "logs is listed twice (each endpoint once)")])
    }

    func testPrivateDNSOffIsAWarning() {
        let found = check { $0.endpoints.privateDNS = false }
        XCTAssertEqual(found.errors, [])
        XCTAssertEqual(found.warnings.map(\.path), ["endpoints.private_dns"])
    }

    func testIAMScopeAllIsAWarning() {
        let found = check { $0.iam.scope = .all }
        XCTAssertEqual(found.errors, [])
        XCTAssertEqual(found.warnings.map(\.path), ["iam.scope"])
    }

    func testNoControlCharacterReachesAScript() {
        let cases: [(WritableKeyPath<Answers, String>, String)] = [
            (\.name, "Pri\nvate"), (\.profile, "a\tb"), (\.source.branch, "main\n"), (\.build.buildspec, "a\0.yml"),
            (\.pipeline.artifactBucket, "bucket\r"), (\.codeartifact.domainOwner, "\u{2028}"), (\.region, "us-west-2\u{85}"),
        ]
        for (keyPath, value) in cases {
            let found = check { $0[keyPath: keyPath] = value }.errors
            XCTAssertTrue(found.contains { $0.message.hasPrefix("contains a control character") }, "\(value.debugDescription)")
        }
        XCTAssertEqual(check { $0.tags = [.init(key: "Team", value: "a\u{0}b")] }.first?.message,
                       "contains a control character such as a newline or tab (printable text only)")
    }
}
