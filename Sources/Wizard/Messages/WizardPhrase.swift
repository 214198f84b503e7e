import Planner

// The wizard's own catalog: one key a text the wizard draws or says (screens, controls, key
// help, the review, the export and progress screens, the quit box, the line mode), each a whole
// sentence or line with its placeholders named, so that a translation may order its words
// freely (TextTemplate fills them). WizardEnglish and WizardJapanese give the texts;
// WizardCatalogTests checks that both have every key with the same placeholders. The answers'
// labels and help are AnswerSchema's, in Japanese from JapaneseAnswerLabels.

public enum WizardPhrase: String, CaseIterable, Sendable {
    // Screens
    case startTitle, startIntro, whatThisBuildsLabel, whatThisBuilds, blankDefaultCredentials
    case sourceTitle, sourceIntro, createNew, useExisting, sampleAppOn, sampleAppOff
    case codeArtifactTitle, codeArtifactIntro, blankYourAccount, blankNoUpstream
    case buildTitle, buildIntro, imageUnmaintained, privilegedOn, privilegedOff
    case pipelineTitle, pipelineIntro, blankDerivedBucket
    case vpcTitle, vpcIntro, requiredVPC, requiredSubnets, routeTablesBlank
    case endpointsTitle, endpointsIntro, costLabel, endpointExisting, endpointCreate, privateDNSOn, privateDNSOff
    case iamTitle, iamIntro, policiesLabel, policiesViewer, noPolicies, policiesHelp
    case reviewTitle, reviewIntro, summaryLabel, summaryHelp
    case exportTitle, exportIntro, outputFolderLabel, outputFolderHelp, noSetup, setupHelp, writeLabel, writeButton, writeHelp
    case languageEnglish, languageJapanese
    // The frame, the overlays, the status line
    case runNowQuestion, runNowKeys, tooSmall, tooSmallKeep, tooSmallQuitKeys, tooSmallQuitPrompt, listItem
    case quitTitle, quitQuestion, quitSave, quitWithoutSaving, quitBack, quitFooter
    case helpTitle, helpKeys, helpCloses, helpClosesScroll
    case saved, saveFailed, exported, exportRefused, screenErrorOne, screenErrors, exportRefusedOne, exportRefusedErrors
    // Controls
    case keysIdList, keysInteger, keysMultiSelect, keysPick, keysMultiPick, keysSelect, keysTagList, keysTextInput
    case keysToggle, keysViewer, keysAction, keysReview
    case pickHint, multiPickHint, filter, filterShown, pickNoMatch, selectNoMatch, inAll, notAmongSubnets, noTags
    case viewerEmpty, viewerLines, viewerLinesFrom
    // The review
    case noProblems, errorOne, errors, warningOne, warnings, problemCounts, continueToExport
    case markCreated, markExisting, markFound, markTaken
    // The account's lists and lines
    case codeArtifactOffered, noCodeArtifact, noName, noPrivateSubnet, privateInOneZone, privateInZones, dnsOn, dnsOff
    case defaultVPC, freeAddresses, noRouteTable, routesOutAllowed, routesOut, sharesZone, tableOf, tableOfMain, andSeparator
    case groupCreate, groupDefault, groupTyped, roleNew, inTheAccount, accountProblem, nameInUse
    case endpointFits, endpointOurs, endpointUnfit, problemsSeparator, endpointAbsent, endpointAbsentOther
    case readIdentityDefault, readIdentityProfile, readProfiles, readRegions, readNetwork, readResources, readCheck, readPrices
    case offline, discoveryOff, reading, couldNotRead, cancelled, accountIdentity, accountIdentityCatalog, vpcsFound
    case accountClean, accountProblemOne, accountProblems
    // The progress screen
    case runTitleRunning, runTitleRan, runOutputTitle, runWaiting, runRunning, runStopping, runLog
    case runKeysFinished, runKeysStopping, runKeysRunning, runWorks, runStopped, runFailedAt, runFailedBefore, runEnded
    case runNextSetup, runNextVerify, stopTitle, stopQuestion, stopExplained, stopYes, stopNo, stopFooter
    case smallStopQuestion, smallEnded, smallStopping, smallStop, farewellWorks, farewellStopped, farewellFailed, seeTheLog
    // The line mode
    case plainIntro, plainFolderHelp, plainError, plainFirstQuestion, plainNotAChoice, plainScreen
    case plainHintEndpoints, plainHintIds, plainHintTags, plainErrorsOne, plainErrors, plainGoOn
    case plainReviewHelp, plainNotAnAnswer, plainChanging, plainCounts, severityError, severityWarning
    // The driver's last words, once the terminal is restored
    case stoppedBySignal, hungUp, draftSaved, draftNotSaved, inputEndedSaved, inputEndedNotSaved
}

extension WizardPhrase {
    /// The text in `language`, each `{name}` replaced by `values[name]`.
    public func text(_ language: Language, _ values: [String: String] = [:]) -> String {
        let template = template(language)
        if template.pieces.count == 1, case .text(let text) = template.pieces[0] { return text }
        return template.filled { name, _ in
            guard let value = values[name] else { preconditionFailure("\(self) needs {\(name)}") }
            return value
        }
    }

    /// Parsed once: the screens are declared again at each key press, their texts with them.
    func template(_ language: Language) -> TextTemplate { Self.parsed.template(self, language) }

    private static let parsed = ParsedCatalog(catalog)

    /// A language's texts, by key.
    static func catalog(_ language: Language) -> [WizardPhrase: String] {
        switch language {
        case .en: WizardEnglish.messages
        case .ja: WizardJapanese.messages
        }
    }
}

extension WizardState {
    /// The wizard's language: the start screen's Language answer, exported with the others.
    public var language: Language { answers.language }

    /// A text of the wizard's catalog in its language.
    func say(_ phrase: WizardPhrase, _ values: [String: String] = [:]) -> String { phrase.text(language, values) }
}

extension Language {
    /// The language's own name, as the Language row shows it: "English", "日本語".
    var name: String {
        switch self {
        case .en: WizardPhrase.languageEnglish.text(self)
        case .ja: WizardPhrase.languageJapanese.text(self)
        }
    }
}
