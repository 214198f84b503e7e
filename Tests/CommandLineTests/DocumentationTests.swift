import Account
import Foundation
import Planner
import TestSupport
import XCTest

/// The project's documents point to nothing outside the project, and their links resolve.
final class DocumentationTests: XCTestCase {
    /// The project's own files: the repository without its build and version-control folders.
    private func projectFiles() throws -> [URL] {
        let skipped: Set<String> = [".build", ".git", ".swiftpm"]
        var files: [URL] = []
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: repositoryRoot, includingPropertiesForKeys: [.isRegularFileKey]))
        while let url = walker.nextObject() as? URL {
            if skipped.contains(url.lastPathComponent) { walker.skipDescendants(); continue }
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true { files.append(url) }
        }
        return files
    }

    func testNoFileOfTheProjectPointsOutsideIt() throws {
        // Spelt in two parts, so that this file does not match itself.
        let outside = ["../" + "shared", "/work/" + "shared", "answers-" + "v1.md", "aws-" + "notes.md", "DESIGN" + ".md"]
        let files = try projectFiles()
        XCTAssertGreaterThan(files.count, 100)
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for needle in outside where text.contains(needle) {
                XCTFail("\(file.path) points outside the project: \(needle)")
            }
        }
    }

    /// The first comment of an exported answers.yaml names the reference that ships with vpcpipe.
    func testExportedAnswersPointToTheProjectsReference() throws {
        let work = try temporaryFolder("docs")
        defer { try? FileManager.default.removeItem(at: work) }
        let answers = work.appendingPathComponent("answers.yaml")
        try vpcpipe(["--example"]).stdout.write(to: answers, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("out")
        XCTAssertEqual(try vpcpipe(["--headless", answers.path, "--out", out.path]).status, 0)
        let first = try String(contentsOf: out.appendingPathComponent("answers.yaml"), encoding: .utf8)
            .split(separator: "\n")[0]
        XCTAssertTrue(first.hasPrefix("# ") && first.contains("docs/answers.md"), String(first))
        XCTAssertTrue(FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("docs/answers.md").path))
    }

    /// Every relative link of README.md and docs/ names a file of the project and, with a
    /// #fragment, a heading or anchor of it; README links every document of docs/.
    func testLinksResolveAndReadmeLinksEveryDocument() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(docs, ["answers.md", "cloudformation.md", "finding-ids.md", "permissions.md", "progress.md", "troubleshooting.md"])
        let readme = repositoryRoot.appendingPathComponent("README.md")
        let readmeLinks = try links(in: readme).map(\.target)
        for doc in docs { XCTAssertTrue(readmeLinks.contains("docs/\(doc)"), "README does not link docs/\(doc)") }
        for page in [readme] + docs.map({ repositoryRoot.appendingPathComponent("docs/\($0)") }) {
            for link in try links(in: page) where !link.target.contains("://") {
                let file = link.target.isEmpty ? page : page.deletingLastPathComponent().appendingPathComponent(link.target).standardized
                XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(page.lastPathComponent): \(link.target)")
                if let fragment = link.fragment {
                    XCTAssertTrue(try anchors(in: file).contains(fragment), "\(page.lastPathComponent): \(link.target)#\(fragment)")
                }
            }
        }
    }

    /// The Markdown links `[text](target#fragment)` of a file.
    private func links(in file: URL) throws -> [(target: String, fragment: String?)] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.components(separatedBy: "](").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: ")") else { return nil }
            let parts = rest[..<end].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
        }
    }

    /// The anchors of a Markdown file: its headings as GitHub names them, and `<a id="...">`.
    private func anchors(in file: URL) throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        var anchors = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            anchors.insert(String(title.compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : nil }))
        }
        for part in text.components(separatedBy: "<a id=\"").dropFirst() {
            anchors.insert(String(part.prefix { $0 != "\"" }))
        }
        return anchors
    }
}

/// docs/permissions.md's read-only policy is exactly what vpcpipe may call to read an account:
/// `--live`'s calls (setup.sh's preflight) and the wizard's.
final class ReadingTheAccountPolicyTests: XCTestCase {
    func testThePolicyGrantsEveryReadAndNothingElse() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/permissions.md"), encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: "## Reading the account").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let block = section.split(separator: "\n").filter { $0.hasPrefix("    ") }.joined(separator: "\n")
        struct Policy: Decodable {
            struct Statement: Decodable { var Effect: String; var Action: [String]; var Resource: String }
            var Statement: [Statement]
        }
        let policy = try JSONDecoder().decode(Policy.self, from: Data(block.utf8))
        XCTAssertEqual(policy.Statement.map(\.Effect), ["Allow"])
        let documented = Set(policy.Statement.flatMap(\.Action))

        // Every kind of answer that makes preflight read something more.
        var variants = [Article.answers]
        var chosen = Article.answers
        chosen.build.role = .existing(arn: "arn:aws:iam::123456789012:role/team-build")
        chosen.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
        chosen.source.create = false
        chosen.codeartifact.domainOwner = "111122223333"
        variants.append(chosen)
        var shared = Article.answers
        shared.network.securityGroup = .vpcDefault
        shared.endpoints.existing = [.sts]
        variants.append(shared)
        var read = Set<String>()
        for answers in variants {
            let plan = Planner.plan(answers)
            for command in AccountCheck.commands(plan) {
                XCTAssertTrue(["describe-", "get-", "list-", "batch-get-", "head-"].contains { command.operation.hasPrefix($0) },
                              "\(command.service) \(command.operation) is not a read")
                read.formUnion(Permissions(Names(answers)).actions(command))
            }
        }
        // The wizard's reads, for its lists.
        let region = "us-west-2"
        let wizard = [AccountReads.identity.arguments, AccountReads.vpcs(region: region).arguments,
                      AccountReads.subnets(region: region).arguments, AccountReads.routeTables(region: region).arguments,
                      AccountReads.securityGroups(region: region).arguments, AccountReads.roles.arguments,
                      AccountReads.repositories(region: region).arguments, AccountReads.domains(region: region).arguments,
                      AccountReads.regions.arguments, AccountReads.codeArtifactRegions.arguments]
            + AccountReads.dns(vpc: "vpc-1").map(\.arguments)
        for arguments in wizard {
            read.formUnion(Permissions(Names(Article.answers)).actions(Command(arguments[0], arguments[1])))
        }
        // --live's prices, for the cost.
        for query in PriceList.queries(region: region) { read.formUnion(Permissions(Names(Article.answers)).actions(query)) }
        XCTAssertEqual(documented, read, "docs/permissions.md lacks \(read.subtracting(documented)), grants \(documented.subtracting(read))")
    }
}
