import Foundation

/// The Python tools scripts/test installs each in a virtual environment of its own, under
/// `VPCPIPE_TOOLS` (default ~/.cache/vpcpipe-tools): cfn-lint and checkov, which pins its own
/// boto3 and so never shares one with the AWS CLI and moto. A missing tool fails its test.
public enum PythonTools {
    public static var folder: String {
        ProcessInfo.processInfo.environment["VPCPIPE_TOOLS"]
            ?? (ProcessInfo.processInfo.environment["HOME"] ?? "/root") + "/.cache/vpcpipe-tools"
    }

    /// `FOLDER/TOOL/bin/TOOL`, or nil when scripts/test has not installed it.
    public static func path(_ tool: String) -> String? {
        let path = "\(folder)/\(tool)/bin/\(tool)"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
