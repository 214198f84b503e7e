import Foundation

// The value patterns the rules are made of: names of a set of ASCII characters and a length,
// git branch names, S3 bucket names, role ARNs, tags, regions and their partitions.
// Checked by hand over UTF-8 bytes rather than with regex literals, which Swift compiles again at
// every evaluation: the wizard checks every answer at each key press that changes one.
enum Patterns {
    /// Whether `bytes` are `length` characters of `set`, the first also in `first` and the last
    /// in `last` when given: "1-32 of A-Z a-z 0-9 _ -, starting with a letter or digit" is
    /// `matches(value.utf8, 1...32, of: .name, first: .alphanumerics)`.
    /// A value with any other character (non-ASCII included) does not match.
    static func matches(_ bytes: some BidirectionalCollection<UInt8>, _ length: some RangeExpression<Int>,
                        of set: ASCIISet, first: ASCIISet? = nil, last: ASCIISet? = nil) -> Bool {
        guard length.contains(bytes.count), bytes.allSatisfy(set.contains) else { return false }
        if let first, let byte = bytes.first, !first.contains(byte) { return false }
        if let last, let byte = bytes.last, !last.contains(byte) { return false }
        return true
    }

    /// No value that reaches a generated script may carry a control character (newline, tab,
    /// NUL, DEL, C1) or a Unicode line or paragraph separator.
    static func controlCharacterProblem(_ value: String) -> Wording? {
        hasControlCharacter(value) ? .notice(.controlCharacter) : nil
    }

    /// Whether `value` holds one of Unicode's control characters (category Cc: U+0000-001F,
    /// U+007F-009F) or a line or paragraph separator (U+2028-2029), found in its UTF-8 bytes in
    /// one pass: Foundation's search goes through NSString at each key press, and a hostile value
    /// may be a megabyte long (so the loop indexes the bytes, fast unoptimised too).
    private static func hasControlCharacter(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return true }
                // C2 80-9F is U+0080-009F; E2 80 A8-A9 is U+2028-2029.
                if byte >= 0x80 && byte <= 0x9F && index >= 1 && bytes[index - 1] == 0xC2 { return true }
                if (byte == 0xA8 || byte == 0xA9) && index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2 {
                    return true
                }
            }
            return false
        }
    }

    /// A region code: us-west-2, ap-northeast-1, us-gov-west-1, cn-north-1, eusc-de-east-1.
    static func isRegion(_ value: String) -> Bool {
        let parts = value.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return parts.count >= 3
            && matches(parts[0], 2...4, of: .lowercase)
            && parts.dropFirst().dropLast().allSatisfy { matches($0, 1..., of: .lowercase) }
            && matches(parts[parts.count - 1], 1...2, of: .digits)
    }

    /// LANGUAGE:VERSION, such as nodejs:20.
    static func isRuntime(_ value: String) -> Bool {
        let parts = value.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 && matches(parts[0], 1..., of: .lowercase) && matches(parts[1], 1..., of: .runtimeVersion)
    }

    /// The ARN partition of a region code.
    static func partition(region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    static func isAccount(_ value: String) -> Bool { matches(value.utf8, 12...12, of: .digits) }

    /// An organizational unit id (ou-, 4-32, -, 8-32) or an organization's root id (r-, 4-32),
    /// of a-z 0-9: CloudFormation's OrganizationalUnitId pattern.
    static func isOrganizationalUnit(_ value: String) -> Bool {
        let parts = value.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        switch (parts.first.map { String(decoding: $0, as: UTF8.self) }, parts.count) {
        case ("ou", 3): return matches(parts[1], 4...32, of: .lowerAlphanumerics) && matches(parts[2], 8...32, of: .lowerAlphanumerics)
        case ("r", 2): return matches(parts[1], 4...32, of: .lowerAlphanumerics)
        default: return false
        }
    }

    static func isCodeArtifactRepository(_ value: String) -> Bool {
        matches(value.utf8, 2...100, of: .repository, first: .alphanumerics)
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
        // No ':' in the path and name, so the fields split at every one.
        let fields = value.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0].elementsEqual("arn".utf8),
              ["aws", "aws-cn", "aws-us-gov"].contains(where: { fields[1].elementsEqual($0.utf8) }),
              fields[2].elementsEqual("iam".utf8), fields[3].isEmpty, matches(fields[4], 12...12, of: .digits),
              fields[5].starts(with: "role/".utf8) else { return false }
        let parts = fields[5].dropFirst(5).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return parts.dropLast().allSatisfy { matches($0, 1..., of: .roleName) }
            && matches(parts[parts.count - 1], 1...64, of: .roleName)
    }

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
    static func branchProblem(_ value: String) -> Wording? {
        // First, as it costs nothing: the checks below walk the whole value.
        if value.utf8.count > 256 { return .notice(.atMost256Bytes) }
        let forbidden = " ~^:?*[\\"
        if value.unicodeScalars.contains(where: { $0 == "\u{7F}" || forbidden.unicodeScalars.contains($0) }) {
            return .notice(.branchCharacters)
        }
        if value.contains("..") { return .notice(.noDoubleDot) }
        if value.contains("@{") { return .notice(.noAtBrace) }
        if value.contains("//") { return .notice(.noDoubleSlash) }
        if value.hasPrefix("-") || value.hasPrefix("/") { return .notice(.branchStart) }
        if value.hasSuffix("/") || value.hasSuffix(".") || value.hasSuffix(".lock") {
            return .notice(.branchEnd)
        }
        if value == "@" || value == "HEAD" { return .notice(.notAtOrHead) }
        if value.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix(".lock") }) {
            return .notice(.branchPart)
        }
        return nil
    }

    /// Why `value` is not an S3 bucket name (general purpose bucket naming rules), or nil.
    static func bucketProblem(_ value: String) -> Wording? {
        if !(3...63).contains(value.count) { return .notice(.bucketLength) }
        if !matches(value.utf8, 1..., of: .bucket) { return .notice(.bucketAlphabet) }
        if !matches(value.utf8, 2..., of: .bucket, first: .lowerAlphanumerics, last: .lowerAlphanumerics) {
            return .notice(.bucketEnds)
        }
        if value.contains("..") { return .notice(.noDoubleDot) }
        // S3 takes them, but CloudFormation's bucket name pattern (cloudformation.yaml) does not.
        if value.contains(".-") || value.contains("-.") { return .notice(.bucketDotDash) }
        let numbers = value.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if numbers.count == 4 && numbers.allSatisfy({ matches($0, 1...3, of: .digits) }) { return .notice(.notIPAddress) }
        if let prefix = ["xn--", "sthree-", "amzn-s3-demo-"].first(where: value.hasPrefix) {
            return .notice(.notStartingWith, ["prefix": .verbatim(prefix)])
        }
        if let suffix = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].first(where: value.hasSuffix) {
            return .notice(.notEndingIn, ["suffix": .verbatim(suffix)])
        }
        return nil
    }
}

/// A set of ASCII characters, written as the rules' messages write them: ranges and single
/// characters apart, such as "A-Z a-z 0-9 _ -".
struct ASCIISet {
    private var low: UInt64 = 0, high: UInt64 = 0

    init(_ items: String) {
        for item in items.split(separator: " ").map({ Array($0.utf8) }) {
            let isRange = item.count == 3 && item[1] == UInt8(ascii: "-")
            precondition(item.count == 1 || isRange && item[0] <= item[2] && item[2] < 128, "not an ASCII set: \(items)")
            for byte in item[0]...item[item.count - 1] {
                if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
            }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & 1 << byte != 0 : byte < 128 && high & 1 << (byte - 64) != 0
    }
}

/// The sets the rules' names are made of, each named after what it spells.
extension ASCIISet {
    static let digits = ASCIISet("0-9")
    static let lowercase = ASCIISet("a-z")
    static let alphanumerics = ASCIISet("A-Z a-z 0-9")
    static let lowerAlphanumerics = ASCIISet("a-z 0-9")
    /// The answers' name and build project names.
    static let name = ASCIISet("A-Z a-z 0-9 _ -")
    static let profile = ASCIISet("A-Z a-z 0-9 _ . @ + -")
    /// CodeCommit and CodeArtifact repository names.
    static let repository = ASCIISet("A-Z a-z 0-9 . _ -")
    static let domain = ASCIISet("a-z 0-9 -")
    static let path = ASCIISet("A-Z a-z 0-9 . _ / -")
    static let runtimeVersion = ASCIISet("A-Z a-z 0-9 .")
    static let pipeline = ASCIISet("A-Z a-z 0-9 . @ _ -")
    static let bucket = ASCIISet("a-z 0-9 . -")
    /// IAM role names and paths.
    static let roleName = ASCIISet("A-Z a-z 0-9 _ + = , . @ -")
}

/// Text as messages show it, between `quote`s: cut short past `longest` characters, since a
/// message is one line beside a field and the text may be anything a file held, and then said
/// with its length.
private func shortened(_ text: String, longest: Int, quote: String = "") -> Wording {
    guard text.utf8.count > longest, text.count > longest else { return .verbatim(quote + text + quote) }
    return .notice(.shortenedValue, ["value": .verbatim("\(quote)\(text.prefix(longest - 10))...\(quote)"),
                                     "count": .verbatim(String(text.count))])
}

/// A value as messages show it: in double quotes, and cut short, said with its length.
func quoted(_ value: String) -> Wording { shortened(value, longest: 60, quote: "\"") }

/// A key as paths show it (Diagnostic.shownPath): whole up to 128 characters, so that every
/// valid tag key (127 at most) is named whole, and cut short past that (an unknown key may be a
/// megabyte long).
func shownKey(_ key: String) -> Wording { shortened(key, longest: 128) }
