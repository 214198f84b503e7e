import Foundation
import XCTest

/// Golden files: expected outputs kept in the repository. VPCPIPE_RECORD=1 re-records them
/// instead of comparing; review the diff.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["VPCPIPE_RECORD"] == "1" }

    /// `text` against the golden file `url`.
    public static func assert(_ text: String, equals url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try? String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, golden, "\(url.lastPathComponent) differs; re-record with VPCPIPE_RECORD=1 if the change is meant",
                       file: file, line: line)
    }

    /// A folder of files (relative path: contents) against the golden folder `folder`, which
    /// holds exactly these files; re-recording replaces it whole.
    public static func assert(_ files: [String: String], equalFolder folder: URL,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        if recording { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try assert(text, equals: folder.appendingPathComponent(path), file: file, line: line)
        }
        let recorded = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }
        XCTAssertEqual(Set(recorded), Set(files.keys), "files of \(folder.lastPathComponent)", file: file, line: line)
    }
}
