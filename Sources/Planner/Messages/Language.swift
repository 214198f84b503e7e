// The language of what vpcpipe writes to the output folder for a person to read (checklist.md,
// the scripts' messages): an answer, so that replaying answers.yaml writes the same bytes.
// AWS identifiers, commands and JSON are the same in every language.

public enum Language: String, CaseIterable, Sendable {
    case en, ja

    /// The language's catalog: a text for every `Phrase` (PhraseCatalogTests checks it).
    var catalog: [Phrase: String] {
        switch self {
        case .en: English.messages
        case .ja: Japanese.messages
        }
    }

    /// The reader's and the rules' messages: a text for every `Notice` (PhraseCatalogTests checks it).
    var notices: [Notice: String] {
        switch self {
        case .en: English.notices
        case .ja: Japanese.notices
        }
    }
}
