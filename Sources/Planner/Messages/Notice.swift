// The keys of the messages vpcpipe says to the person at the terminal rather than writes to the
// output folder: the answers' reader and rules (Diagnostic) and the command line's own (--help,
// usage errors, --headless, --check, --live, apply), the output folder's refusals and the
// terminal's, each a whole sentence, so that a
// translation can order its words freely. English+Notices.swift and Japanese+Notices.swift give
// the texts; PhraseCatalogTests checks that both have every key with the same placeholders.

public enum Notice: String, CaseIterable, Sendable {
    // Diagnostics
    case severityError, severityWarning, defaultedFrom
    // The file as a whole
    case anchors, duplicatedKeys, notYAML, yamlContextAt, yamlOrJSON, printableUTF8, emptyFile
    // The reader
    case found, aMapping, aList, nothing, anAlias, answersMapping, versionUnsupported, unknownKeyDidYouMean
    case unknownKeyOneOf, required, foundAsKey, duplicatedKeyFirstAt, notValid, notPlannedEndpoint, notFlag
    case quotedValue, notVersionNumber, notWholeNumber, aSingleValue, trueOrFalse, wholeNumberFrom, aMappingOf
    case aListOf, tagMapping, aListOfMappingsOf, aTagValue, outOfRange, controlCharacter, shortenedValue
    // The rules
    case regionCode, regionCodeSuchAs, codeArtifactUnknownRegionPreflight, codeArtifactUnknownRegion
    case tooManyTags, tagKey, tagKeyRule, tagValue, tagValueRule, tagAlphabet, reservedForAWS, tagKeyTwice, sampleAppNotCommitted
    case repositoryName, codeArtifactRepositoryRule, blankForNone, upstreamIsRepository, externalConnection
    case connectionNeedsUpstream, connectionDoesNotSuit, image, imageUnmaintained, runtime, runtimeRule
    case runtimeNotPreinstalled, sampleBuildsWith, sampleBuildsWithBuildspecOnly, buildTool, toolDoesNotBuild
    case role, roleRule, rolePartition, roleUsedAsItIs, subnetsRequired, oneSubnet, tooManySubnets, subnetID
    case routeTableID, routeTablesRequired, resourceIDRule, listedTwice, securityGroup, securityGroupRule
    case stackSetGroups, groupUsedAsItIs, unitsRequired, organizationalUnitID, organizationalUnitRule
    case regionsRequired, maxConcurrent, countFrom1, tooManyAtOnce, failureTolerance, countFrom0
    case accountSubnetsRequired, accountSubnetsCount, endpoint, endpointTemplateMakes, account
    case withoutPrivateDNS, iamScopeAll
    // Why a branch or bucket name is refused
    case atMost256Bytes, branchCharacters, noDoubleDot, noAtBrace, noDoubleSlash, branchStart, branchEnd
    case notAtOrHead, branchPart, bucketLength, bucketAlphabet, bucketEnds, bucketDotDash, notIPAddress
    case notStartingWith, notEndingIn
    // The command line: --help
    case helpAbstract, helpDiscussion, helpHeadless, helpAnswers, helpOut, helpCheck, helpLive, helpOffline
    case helpForce, helpExample, helpASCII, helpPlain, helpLang, applyAbstract, applyDiscussion, applyDir, applyDryRun
    // The command line: usage errors (exit 64)
    case optionsConflict, exampleOnlyPrints, headlessWithoutWizard, checkWritesNothing, plainDrawsNoScreen
    case offlineIsTheWizards, liveIsHeadlesss, goesWithHeadless
    // The command line: --headless, --check, --live
    case cannotRead, oneError, errors, oneWarning, warnings, nothingWritten, valid, validWithWarnings
    case validAccount, validWithWarningsAccount, wrote, next, readingAccountDefault, readingAccountProfile
    case cannotReadAccount, fileNote, accountProblems, priceNote, priceTableUsed, priceNotJSON, priceMissing, priceAmbiguous
    // Reading the account (AccountError)
    case accountNoCLI, accountNoCredentials, accountUnreachable, accountAccessDenied, accountTimeout, accountCancelled
    case accountService, accountCLIFailed, accountCLISilent, accountUnreadable, accountCannotRun
    case credentialsNone, credentialsUnknownProfile, credentialsSSOExpired, credentialsRefused, defaultProfile, namedProfile
    // The command line: apply
    case applyRunning, applyCtrlC, applyDone, applyStepDone, applyWaiting, applyStopped, applyFailedAtStep
    case applyFailedBeforeFirstStep, applyFixSetup, applyFixVerify, applyEnded
    // The output folder (Export): writing it, --force, and apply's checks before it runs a script
    case outNotAFolder, outUnreadable, outForeign, outCannotStage, outCannotWrite, outRenameFailed, outForceReplaced
    case runNotAFolder, runNoManifest, runNoScript, runEdited, runNoPipe, runNoLog, runCannotStart
    // The terminal
    case terminalNeeded, noTerminfo
    // The command line: swift-argument-parser's own words, in English exactly as the library
    // writes them, which is how vpcpipe recognizes them (ParserWords)
    case parserOverview, parserUsageHeading, parserArguments, parserOptions, parserSubcommands, parserSubcommandHelp
    case parserVersionHelp, parserHelpHelp, parserValues, parserError, parserHelp, parserUsage, parserSeeHelp
    case parserUnknownOptionDidYouMean, parserUnknownOption, parserMissingValue, parserMissingArgument
    case parserUnexpectedArgument, parserUnexpectedArguments, parserInvalidValue, parserUnexpectedValue, parserInvalidOption
}
