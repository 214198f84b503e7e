import Foundation
import Planner

/// The repository this test suite belongs to.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The vpcpipe executable the package built, beside the test bundle.
public func vpcpipeBinary() throws -> String { try builtExecutable("vpcpipe") }

/// An executable the package built (vpcpipe, vpcpipe-prices), beside the test bundle.
public func builtExecutable(_ name: String) throws -> String {
    let bundle = Bundle(for: Marker.self).bundleURL
    let folders = [bundle.deletingLastPathComponent(), bundle, Bundle.main.bundleURL]
    for folder in folders {
        let candidate = folder.appendingPathComponent(name).path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
           FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
    }
    throw Failure("no \(name) executable beside the tests in \(folders.map(\.path)): swift build --build-tests builds it")
}

private final class Marker {}

/// Writes rendered files into `folder`, as an output folder holds them (without the ownership
/// checks of Export's OutputFolder).
@discardableResult
public func write(_ files: [RenderedFile], to folder: URL) throws -> URL {
    for file in files {
        let url = folder.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.contents.write(to: url, atomically: true, encoding: .utf8)
        if file.executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
    }
    return folder
}
