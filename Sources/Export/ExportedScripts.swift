import Foundation

extension OutputFolder {
    /// Why the scripts of an output folder cannot run as vpcpipe exported them.
    public enum RunRefusal: Error, CustomStringConvertible, Equatable {
        /// Not a folder vpcpipe wrote (no manifest), or one without the script.
        case notAnOutputFolder(String)
        /// The script was edited or removed since: what was reviewed is what runs.
        case edited(String)

        public var description: String {
            switch self {
            case .notAnOutputFolder(let text), .edited(let text): text
            }
        }
    }

    /// Throws unless the scripts `names` of `folder` are as vpcpipe exported them: the folder is an
    /// output folder (its manifest), and each script is listed there and unchanged since. An
    /// edited script is the operator's to run.
    public static func checkRunnable(_ names: [String], in folder: String) throws {
        let base = URL(fileURLWithPath: folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw RunRefusal.notAnOutputFolder("\(folder) is not a folder: give the output folder vpcpipe wrote (--out, default vpcpipe-out)")
        }
        guard let manifest = try? String(contentsOf: base.appendingPathComponent(manifestName), encoding: .utf8) else {
            throw RunRefusal.notAnOutputFolder("\(folder) is not a vpcpipe output folder (it has no \(manifestName)): write one with vpcpipe --headless FILE --out \(folder), or the wizard")
        }
        let recorded = parseManifest(manifest)
        for name in names {
            guard let hash = recorded[name] else {
                throw RunRefusal.notAnOutputFolder("\(folder) has no \(name) of vpcpipe's: write the folder again with this vpcpipe (vpcpipe --headless \(folder)/answers.yaml --out \(folder))")
            }
            let contents = FileManager.default.contents(atPath: base.appendingPathComponent(name).path)
            if contents.map({ $0.withUnsafeBytes { contentHash($0) } }) != hash {
                throw RunRefusal.edited("\(folder)/\(name) is not as vpcpipe wrote it (edited or removed since): only what was exported and reviewed runs; write the folder again, or run your \(name) yourself with bash")
            }
        }
    }
}
