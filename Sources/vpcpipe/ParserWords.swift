import ArgumentParser
import Foundation
import Planner

/// swift-argument-parser's own words (--help's headings and the help of --version and --help,
/// "Error:" and its parse errors) in the terminal's language. In English the library prints its
/// message itself, as it always has; in another, vpcpipe runs the command as the library's
/// `main()` does and prints the library's message, each line of its English said by the notice
/// whose English it is.
enum ParserWords {
    static func main(in language: Language) {
        guard language != .en else { return Vpcpipe.main() }
        do {
            var command = try Vpcpipe.parseAsRoot()
            try command.run()
        } catch {
            let message = said(Vpcpipe.fullMessage(for: error), in: language)
            let status = Vpcpipe.exitCode(for: error)
            // Where the library prints it: help and the version on stdout, the rest on stderr.
            if !message.isEmpty {
                if status.isSuccess { print(message) } else { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            exit(status.rawValue)
        }
    }

    /// Lines that are one of the library's as a whole, "Error: MESSAGE" its error in `errors`.
    private static let lines: [Notice] = [
        .parserOverview, .parserUsageHeading, .parserArguments, .parserOptions, .parserSubcommands, .parserSubcommandHelp,
        .parserError, .parserHelp, .parserUsage, .parserSeeHelp,
    ]
    private static let errors: [Notice] = [
        .parserUnknownOptionDidYouMean, .parserUnknownOption, .parserMissingValue, .parserMissingArgument,
        .parserUnexpectedArgument, .parserUnexpectedArguments, .parserInvalidValue, .parserUnexpectedValue, .parserInvalidOption,
    ]
    /// Words at an option line's end (--version's and --help's help), or within one.
    private static let phrases: [Notice] = [.parserVersionHelp, .parserHelpHelp, .parserValues]

    static func said(_ message: String, in language: Language) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { said(line: String($0), in: language) }
            .joined(separator: "\n")
    }

    private static func said(line: String, in language: Language) -> String {
        for notice in lines {
            guard var values = notice.values(in: line, language: .en) else { continue }
            if let message = values["message"] { values["message"] = saidError(message, in: language) }
            return notice.text(language, values)
        }
        var line = line
        for notice in phrases {
            line = line.replacingOccurrences(of: notice.text(.en), with: notice.text(language))
        }
        return line
    }

    /// A parse error the library words; any other (vpcpipe's own, already in `language`) as it is.
    private static func saidError(_ message: String, in language: Language) -> String {
        for notice in errors {
            guard var values = notice.values(in: message, language: .en) else { continue }
            // The library's "'a' and 'b'" or "'a', 'b' or 'c'": the choices as a plain list.
            if let choices = values["choices"] {
                values["choices"] = choices.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
                    .map { "'\($0.element)'" }.joined(separator: ", ")
            }
            return notice.text(language, values)
        }
        return message
    }
}
