import Foundation
import XCTest

/// The files under `root` (relative paths, hidden ones included) and their contents; nil for folders.
func tree(_ root: URL) -> [String: Data?] {
    var files: [String: Data?] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: root.path)?.allObjects ?? [] {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
        files[path] = isFolder.boolValue ? .some(nil) : FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }
    return files
}

/// Two output folders hold the same files with the same contents.
func assertSameFolder(_ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) {
    let written = tree(a)
    XCTAssertFalse(written.isEmpty, "nothing was written to \(a.path)", file: file, line: line)
    XCTAssertEqual(written, tree(b), file: file, line: line)
}
