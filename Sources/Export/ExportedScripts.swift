import Foundation
import Planner

extension OutputFolder {
    /// Why the scripts of an output folder cannot run as vpcpipe exported them.
    public enum RunRefusal: SpokenError, Equatable {
        /// Not a folder vpcpipe wrote (no manifest), or one without the script.
        case notAnOutputFolder(Wording)
        /// The script was edited or removed since: what was reviewed is what runs.
        case edited(Wording)

        public var wording: Wording {
            switch self {
            case .notAnOutputFolder(let wording), .edited(let wording): wording
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
            throw RunRefusal.notAnOutputFolder(.said(.runNotAFolder, ["folder": folder]))
        }
        guard let manifest = try? String(contentsOf: base.appendingPathComponent(manifestName), encoding: .utf8) else {
            throw RunRefusal.notAnOutputFolder(.said(.runNoManifest, ["folder": folder, "manifest": manifestName]))
        }
        let recorded = parseManifest(manifest)
        for name in names {
            guard let hash = recorded[name] else {
                throw RunRefusal.notAnOutputFolder(.said(.runNoScript, ["folder": folder, "script": name]))
            }
            let contents = FileManager.default.contents(atPath: base.appendingPathComponent(name).path)
            if contents.map({ $0.withUnsafeBytes { contentHash($0) } }) != hash {
                throw RunRefusal.edited(.said(.runEdited, ["folder": folder, "script": name]))
            }
        }
    }
}
