import Foundation

// The value patterns the rules are made of, where a single regular expression does not say it
// all: git branch names, S3 bucket names, role ARNs, tags, regions and their partitions.
enum Patterns {
    /// No value that reaches a generated script may carry a control character (newline, tab,
    /// NUL, DEL, C1) or a Unicode line or paragraph separator.
    static func controlCharacterProblem(_ value: String) -> String? {
        value.rangeOfCharacter(from: controlCharacters) == nil ? nil
            : "contains a control character such as a newline or tab (printable text only)"
    }

    /// Unicode's control characters (category Cc) and the line and paragraph separators, as a set
    /// that Foundation searches fast: a hostile value may be a megabyte long.
    private static let controlCharacters: CharacterSet = {
        var set = CharacterSet(charactersIn: "\u{0}"..."\u{1F}")
        set.insert(charactersIn: "\u{7F}"..."\u{9F}")
        set.insert(charactersIn: "\u{2028}"..."\u{2029}")
        return set
    }()

    /// A region code: us-west-2, ap-northeast-1, us-gov-west-1, cn-north-1, eusc-de-east-1.
    static func isRegion(_ value: String) -> Bool {
        value.wholeMatch(of: #/[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}/#) != nil
    }

    /// The ARN partition of a region code.
    static func partition(region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    static func isAccount(_ value: String) -> Bool { value.wholeMatch(of: #/[0-9]{12}/#) != nil }

    static func isCodeArtifactRepository(_ value: String) -> Bool {
        value.wholeMatch(of: #/[A-Za-z0-9][A-Za-z0-9._\-]{1,99}/#) != nil
    }

    /// An EC2 id: the prefix, then 8 (older resources) or 17 lower-case hex digits.
    static func isResourceID(_ value: String, prefix: String) -> Bool {
        guard value.hasPrefix(prefix + "-") else { return false }
        let hex = value.dropFirst(prefix.count + 1)
        return (hex.count == 8 || hex.count == 17) && hex.allSatisfy { $0.isASCII && $0.isHexDigit && !$0.isUppercase }
    }

    /// arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME. The path is held to the name's alphabet
    /// (IAM allows more), which every real path uses.
    static func isRoleARN(_ value: String) -> Bool {
        value.wholeMatch(of: #/arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:role\/([A-Za-z0-9_+=,.@\-]+\/)*[A-Za-z0-9_+=,.@\-]{1,64}/#) != nil
    }

    static let tagAlphabet = "letters, digits, space and _ . : / = + - @"

    /// Tag keys and values: letters and digits of any script, space, and `_ . : / = + - @`.
    static func isTagText(_ value: String, maxLength: Int) -> Bool {
        value.unicodeScalars.count <= maxLength && value.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return " _.:/=+-@".unicodeScalars.contains(scalar)
            }
        }
    }

    /// Why `value` is not a branch name for `git check-ref-format --branch`, or nil if it is one.
    static func branchProblem(_ value: String) -> String? {
        // First, as it costs nothing: the checks below walk the whole value.
        if value.utf8.count > 256 { return "at most 256 bytes" }
        let forbidden = " ~^:?*[\\"
        if value.unicodeScalars.contains(where: { $0 == "\u{7F}" || forbidden.unicodeScalars.contains($0) }) {
            return "no space or ~ ^ : ? * [ \\"
        }
        if value.contains("..") { return "no \"..\"" }
        if value.contains("@{") { return "no \"@{\"" }
        if value.contains("//") { return "no \"//\"" }
        if value.hasPrefix("-") || value.hasPrefix("/") { return "not starting with - or /" }
        if value.hasSuffix("/") || value.hasSuffix(".") || value.hasSuffix(".lock") {
            return "not ending in /, . or .lock"
        }
        if value == "@" || value == "HEAD" { return "not @ or HEAD" }
        if value.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix(".lock") }) {
            return "no part starting with . or ending in .lock"
        }
        return nil
    }

    /// Why `value` is not an S3 bucket name (general purpose bucket naming rules), or nil.
    static func bucketProblem(_ value: String) -> String? {
        if !(3...63).contains(value.count) { return "3-63 characters" }
        if value.wholeMatch(of: #/[a-z0-9.\-]+/#) == nil { return "lower-case letters, digits, . and -" }
        if value.wholeMatch(of: #/[a-z0-9].*[a-z0-9]/#) == nil { return "starting and ending with a letter or digit" }
        if value.contains("..") { return "no \"..\"" }
        if value.wholeMatch(of: #/[0-9]{1,3}(\.[0-9]{1,3}){3}/#) != nil { return "not an IP address" }
        if let prefix = ["xn--", "sthree-", "amzn-s3-demo-"].first(where: value.hasPrefix) {
            return "not starting with \(prefix)"
        }
        if let suffix = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].first(where: value.hasSuffix) {
            return "not ending in \(suffix)"
        }
        return nil
    }
}

/// A value as messages show it: in double quotes, and cut short, since a message is one line
/// beside a field and the value may be anything a file held.
func quoted(_ value: String) -> String {
    value.count > 60 ? "\"\(value.prefix(50))...\" (\(value.count) characters)" : "\"\(value)\""
}
