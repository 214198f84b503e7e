import Foundation
import Planner

/// Writes the output folder whole or not at all. STUB: being written.
public enum OutputFolder {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `files` into `folder`. Refuses (throws `Refusal`, writing nothing) when the folder
    /// exists with files vpcpipe did not write or that were edited since, unless `force`.
    public static func write(_ files: [RenderedFile], to folder: String, force: Bool) throws {
        throw Refusal(description: "not written yet")
    }
}
