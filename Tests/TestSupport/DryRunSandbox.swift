import Foundation

/// A folder where scripts are dry-run: an `aws` first on the PATH that only leaves a mark if
/// called, and decoy files, so that an unquoted `*` or `?` would glob to something.
public struct DryRunSandbox {
    public let folder: URL
    public let environment: [String: String]
    public static let decoys = ["decoy-a", "decoy-b"]
    static let mark = "aws-was-called"

    /// Made inside `work`, which the caller removes.
    public init(in work: URL) throws {
        folder = work.appendingPathComponent("sandbox")
        let bin = work.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for decoy in Self.decoys { _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(decoy).path, contents: nil) }
        let aws = bin.appendingPathComponent("aws")
        try "#!/bin/sh\ntouch \"\(folder.path)/\(Self.mark)\"\nexit 1\n".write(to: aws, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
        environment = ["PATH": bin.path + ":/usr/bin:/bin", "HOME": folder.path, "LC_ALL": "C.UTF-8"]
    }

    /// Runs `bash SCRIPT --dry-run` in the sandbox.
    public func dryRun(_ script: String) throws -> Finished {
        try runProgram("/bin/bash", [script, "--dry-run"], environment: environment, in: folder)
    }

    public var awsWasCalled: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.mark).path) }

    /// Files in the sandbox other than the decoys: the mark of a called `aws`, or of an expansion.
    public func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !Self.decoys.contains($0) }.sorted()
    }
}
