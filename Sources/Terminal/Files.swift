import Foundation
import Wizard

/// Saving answers to a new file in the current folder, never over an existing one.
enum Files {
    struct CannotWrite: Error, CustomStringConvertible {
        let description: String
    }

    static func freeName(_ base: String) -> String {
        FreeName.pick(base) { FileManager.default.fileExists(atPath: $0) }
    }

    /// Writes `contents` to `base` or the first free name after it; O_EXCL makes sure a file
    /// that appeared meanwhile is not overwritten. Returns the name written.
    static func writeNew(_ base: String, _ contents: String) throws -> String {
        for name in FreeName.candidates(base).prefix(1000) {
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw CannotWrite(description: "\(name): \(String(cString: strerror(errno)))")
            }
            defer { close(fd) }
            let data = Array(contents.utf8)
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == data.count else {
                throw CannotWrite(description: "\(name): \(String(cString: strerror(errno)))")
            }
            return name
        }
        throw CannotWrite(description: "no free name for \(base)")
    }
}
