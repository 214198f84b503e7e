import Foundation
import Planner

/// Writes the output folder whole or not at all.
///
/// The files are written to a temporary folder beside the target and then swapped in with one
/// atomic rename, so a crash (even kill -9) leaves the old folder or the new one, never a mix;
/// the staging folder it may leave behind is removed by the next run.
/// A manifest of what vpcpipe wrote lets a later run tell its own untouched files from anything
/// the operator added (files, folders, symlinks) or edited, which is never replaced without `force`.
public enum OutputFolder {
    /// The hidden file listing each written file and a hash of its contents.
    public static let manifestName = ".vpcpipe-manifest"
    /// The output of the scripts `vpcpipe apply` and the wizard run (ScriptProcess): vpcpipe's
    /// though no export wrote it, so it makes no folder foreign, and an export keeps it.
    public static let runLog = runLogFile

    public struct Refusal: SpokenError, Equatable {
        public var wording: Wording

        init(_ wording: Wording) { self.wording = wording }
        init(_ notice: Notice, _ values: [String: String]) { self.init(.said(notice, values)) }
    }

    /// Writes `files` into `folder` and returns what it replaced that vpcpipe had not written as
    /// it was (empty unless `force`). Throws `Refusal`, having changed nothing, when the folder
    /// holds anything vpcpipe did not write or that was edited since, unless `force`.
    @discardableResult
    public static func write(_ files: [RenderedFile], to folder: String, force: Bool) throws -> [String] {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw Refusal(.outNotAFolder, ["folder": folder])
        }
        let foreign: [String]
        do {
            foreign = exists ? try foreignEntries(in: target) : []
        } catch {
            throw Refusal(.outUnreadable, ["folder": folder, "reason": error.localizedDescription])
        }
        if !foreign.isEmpty && !force {
            let list = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", ..." : "")
            throw Refusal(.outForeign, ["folder": folder, "list": list])
        }

        let parent = target.deletingLastPathComponent()
        let staging: URL
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            removeStaleStaging(beside: target)
            staging = parent.appendingPathComponent(stagingPrefix(target) + "\(getpid())-\(UUID().uuidString.prefix(8))")
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw Refusal(.outCannotStage, ["folder": folder, "reason": error.localizedDescription])
        }
        do {
            // One sync of the whole staging folder before the swap, not one per file: the swap
            // must only ever show a folder that is on disk, and one syncfs costs what one fsync does.
            let syncfs = libc("syncfs", as: SyncFS.self)
            let manifestFile = RenderedFile(path: manifestName, contents: manifest(for: files))
            for file in files + [manifestFile] { try store(file, in: staging, sync: syncfs == nil) }
            if exists, fm.fileExists(atPath: target.appendingPathComponent(runLog).path) {
                try fm.copyItem(at: target.appendingPathComponent(runLog), to: staging.appendingPathComponent(runLog))
            }
            try syncToDisk(staging, syncfs: syncfs)
            if exists {
                try exchange(staging, target)
                try fm.removeItem(at: staging)  // now holds the old folder
            } else {
                try fm.moveItem(at: staging, to: target)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw Refusal(.notice(.outCannotWrite, [
                "folder": .verbatim(folder), "reason": (error as? Refusal)?.wording ?? .verbatim(error.localizedDescription),
            ]))
        }
        return foreign
    }

    /// What a front end says after `--force` replaced `replaced` in `folder`, in `language`; nil if nothing.
    public static func replacedNote(_ replaced: [String], in folder: String, language: Language) -> String? {
        replaced.isEmpty ? nil
            : Notice.outForceReplaced.text(language, ["folder": folder, "list": replaced.joined(separator: ", ")])
    }

    /// Staging folders are hidden siblings named after the target and the writer's process id:
    /// `.out.vpcpipe-PID-RANDOM`.
    static func stagingPrefix(_ target: URL) -> String { ".\(target.lastPathComponent).vpcpipe-" }

    /// A run killed while writing (kill -9, a power cut) leaves its staging folder behind: the new
    /// folder half written, or the old one half removed. Removes those whose writer is gone; a
    /// writer still running keeps its own.
    static func removeStaleStaging(beside target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = stagingPrefix(target)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// What in `folder` a previous vpcpipe run did not write as it is now, as relative paths (a
    /// folder's ending in /): files added or edited, symlinks and anything else not a plain file,
    /// and folders that hold no file vpcpipe wrote (empty ones, or ones of folders only). A
    /// foreign folder is listed, not what it holds.
    public static func foreignEntries(in folder: URL) throws -> [String] {
        let recorded = (try? String(contentsOf: folder.appendingPathComponent(manifestName), encoding: .utf8))
            .map(parseManifest) ?? [:]
        // vpcpipe makes a folder only to hold a file it writes.
        var ownFolders = Set<String>()
        for path in recorded.keys {
            var parent = path[...]
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                ownFolders.insert(String(parent))
            }
        }
        let fm = FileManager.default
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        var foreign: [String] = []
        func walk(_ relative: String) throws {
            for name in try fm.contentsOfDirectory(atPath: base + relative) {
                let path = relative + name
                if path == manifestName || path == runLog { continue }
                // Not followed: a symlink is foreign whatever it points to.
                switch try fm.attributesOfItem(atPath: base + path)[.type] as? FileAttributeType {
                case .typeDirectory?:
                    if ownFolders.contains(path) { try walk(path + "/") } else { foreign.append(path + "/") }
                case .typeRegular?:
                    let hash = fm.contents(atPath: base + path).map { $0.withUnsafeBytes { contentHash($0) } }
                    if hash == nil || recorded[path] != hash { foreign.append(path) }
                default:
                    foreign.append(path)
                }
            }
        }
        try walk("")
        return foreign.sorted()
    }

    /// Writes one file with plain system calls, syncing it only if asked (Foundation's
    /// `Data.write` syncs every file).
    private static func store(_ file: RenderedFile, in folder: URL, sync: Bool) throws {
        let url = folder.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let mode: mode_t = file.executable ? 0o755 : 0o644
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("open", url) }
        defer { close(fd) }
        var contents = file.contents
        try contents.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let count = pwrite(fd, bytes.baseAddress! + written, bytes.count - written, off_t(written))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw failure("write", url) }
                written += count
            }
        }
        // The mode whatever the umask, as the scripts must be executable.
        guard fchmod(fd, mode) == 0, !sync || fsync(fd) == 0 else { throw failure("write", url) }
    }

    typealias SyncFS = @convention(c) (Int32) -> Int32

    /// Syncs the file system that holds `folder` (Linux's syncfs), or else the folder itself,
    /// its files having been synced as they were written.
    private static func syncToDisk(_ folder: URL, syncfs: SyncFS?) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", folder) }
        defer { close(fd) }
        guard (syncfs ?? fsync)(fd) == 0 else { throw failure("sync", folder) }
    }

    /// A libc function that Swift's Glibc module does not declare (GNU extensions), if libc has it.
    private static func libc<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if os(Linux)
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
        #else
        nil
        #endif
    }

    private static func failure(_ call: String, _ url: URL) -> Refusal {
        // The system call and its reason, as the system says them.
        Refusal(.verbatim("\(call) \(url.lastPathComponent): \(String(cString: strerror(errno)))"))
    }

    static func manifest(for files: [RenderedFile]) -> String {
        "# written by vpcpipe: a hash of each file, to tell them from files added or edited since\n"
            + files.map { file in
                var contents = file.contents
                return "\(contents.withUTF8 { contentHash(UnsafeRawBufferPointer($0)) }) \(file.path)\n"
            }.sorted().joined()
    }

    static func parseManifest(_ text: String) -> [String: String] {
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.firstIndex(of: " ") else { continue }
            entries[String(line[line.index(after: space)...])] = String(line[..<space])
        }
        return entries
    }

    /// FNV-1a, 64 bits: enough to notice an edit; the manifest guards against accidents, not attacks.
    /// Over bytes in memory, not a generic sequence, whose iterator costs more than the hash.
    static func contentHash(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    /// Swaps two folders in one step (Linux renameat2 RENAME_EXCHANGE). Where that is not
    /// available, falls back to two renames, which a crash could interrupt between.
    private static func exchange(_ a: URL, _ b: URL) throws {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let renameat2 = libc("renameat2", as: RenameAt2.self) {
            let renameExchange: UInt32 = 2
            if renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0 { return }
            throw Refusal(.outRenameFailed, ["reason": String(cString: strerror(errno))])
        }
        let aside = b.deletingLastPathComponent().appendingPathComponent(".\(b.lastPathComponent).vpcpipe-old")
        try FileManager.default.moveItem(at: b, to: aside)
        try FileManager.default.moveItem(at: a, to: b)
        try FileManager.default.moveItem(at: aside, to: a)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
