import Foundation
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
        XCTAssertEqual(docs, ["answers.md", "finding-ids.md", "permissions.md", "progress.md", "troubleshooting.md"])
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
