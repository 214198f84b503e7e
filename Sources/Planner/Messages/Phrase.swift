// The catalog's keys: one a message a person reads in the output folder (checklist.md and the
// messages of setup.sh, teardown.sh and verify.sh), each a whole sentence or line, so that a
// translation can order its words freely. English.swift and Japanese.swift give the texts;
// PhraseCatalogTests checks that both have every key with the same placeholders.

public enum Phrase: String, CaseIterable, Sendable {
    case on, off, bothOf, answersHead, checklistHead, checklistAccountTitle, checklistAccount, checklistNetworkTitle
    case checklistVPCDNS, checklistVPCDNSPrivateOff, checklistSubnets, checklistSubnetsAbove
    case checklistBuildGroup, checklistEndpointGroup, checklistDefaultGroup, checklistGivenGroup
    case givenGroupNeeds, checklistCodeArtifactTitle, endpointS3, checklistDomainCreate, checklistDomainShared
    case checklistUpstreamCreate, checklistRepository, checklistRepositoryWithUpstream
    case checklistAssetsBucket, checklistBucketTitle, checklistBucketCreate, checklistBucketPolicy
    case checklistEndpointsTitle, checklistEndpointsCreate, checklistNote, checklistGatewayEndpoint
    case checklistInterfaceEndpoint, checklistPolicyFullAccess, checklistPolicyCustom
    case checklistGatewayEndpointGiven, checklistInterfaceEndpointGiven, checklistEndpointNotCreated
    case checklistEndpointsAvailable, endpointListedExisting, endpointLogs, endpointNoLogs, endpointSTS
    case endpointNoSTSFromARN, endpointNoSTSDomainOwner, endpointCodeArtifactAPI, endpointRepositories
    case checklistSourceTitle, checklistSourceGiven, checklistSourceCreate, checklistSampleFiles
    case checklistPushApp, checklistPipelineTitle, checklistPipelineCreate, checklistRoleNew
    case checklistRoleGiven, checklistRoleGivenCodeBuild, checklistArtifactStore, checklistPipelineSource
    case checklistTriggerEvents, checklistTriggerPoll, checklistTriggerNone, checklistBuildCreate
    case checklistBuildProject, checklistBuildRole, checklistBuildVPC, checklistBuildspec, checklistLogs
    case checklistLogsOff, checklistContinue, checklistCreatePipeline, checklistCreatePipelineBeforePolicies
    case checklistPoliciesTitle, checklistRolePolicies, checklistInlinePolicy, checklistThenAgain
    case checklistProofTitle, checklistVerify, checklistRelease, checklistSampleLogLogin
    case checklistSampleLogLoginUpstream, checklistSampleLogToken, checklistSampleLogTokenUpstream
    case checklistSamplePackage, checklistSamplePackageUpstream, checklistOwnLog, checklistOwnPackages
    case checklistOwnPackagesUpstream, checklistTeardown, helpUsage, helpEnvironment, helpYes, helpDryRun
    case helpHelp, helpRetrySeconds, helpPollSeconds, helpWaitSeconds, helpProgressFD, helpAssetsBucket, helpRegionAssetsBucket, helpTemplateURL, unknownOption
    case identityAccount, identityRegion, identityProfile, confirmSetup, confirmTeardown, declinedSetup
    case declinedTeardown, completedSetup, completedTeardown, dryRun, setupHeading, teardownHeading
    case markExisting, markToBeDeleted, removeTitle, vpcDNSLeftOn, verifyStartTitle, verifyStagesTitle
    case verifyBuildTitle, verifyBuildLogTitle, verifyLineTitle, verifyLineLoginTitle, verifyPackageTitle
    case verifyPackageUpstreamTitle, verifyPackageWhat, verdictRun, verdictNoSampleApp, verdictNoLogs
    case verdictPrinted, verdictPrintedLogin, verdictPackage, verdictPackageUpstream, failedAtStep
    case stoppedBeforeStep, codeCommitClosed, alreadyDone, propagating, dryRunListed, dryRunFound
    case readingTitle, existsTheirs, existsOurs, markToBeCreated, markFoundUsed, markFound, alreadyGone
    case alreadyGoneWhat, kept, endpointFailed, endpointsTimedOut, endpointsPending, interfacesTimedOut
    case interfacesInUse, note, problemsFound, changeAnswers, followingRun, startedRun, stageState
    case runTimedOutHint, runNeverStarted, runTimedOut, stageFailed, runFailed, logUnreadable
    case logGroupMissing, causeEndpointPolicy, causeTimeout, causeRuntime, buildSucceededPhase
    case buildSucceededLog, buildFailed, lastLines, tailOrNone, dryRunLogLine, loginMissing, lineMissing
    case buildPrinted, packageMissing, packageNotExternal, packageFound
    case stepPreflight, stepVPCDNS, stepCodeBuildRole, stepPipelineRole, stepEventsRole, stepBuildSecurityGroup, stepEndpointSecurityGroup
    case stepDomain, stepUpstream, stepRepository, stepArtifactBucket, stepGatewayEndpoint, stepInterfaceEndpoint, stepEndpointsAvailable
    case stepLogGroup, stepSourceRepository, stepSampleApp, stepBuildProject, stepPipeline, stepTrigger
    case stackReadParameters, stackPreview, stackCreateOrUpdate, stackEmptyBucket, stackDelete, stackHelpDelete
    case stackConfirmChangeSet, stackConfirmDelete, stackDomainNotYet, stackBranchHasCommits, stackStatus
    case stackChangeSetBeingMade, stackUnchanged, stackChangeSetFailed, stackChangeSetListed, stackNothingChanged
    case stackWaiting, stackFailedEvents, stackSetHelpYes, stackSetHelpDelete, stackSetReadAssets, stackSetConfirm
    case stackSetCreateOrUpdate, stackSetDeploy, stackSetList, stackSetDelete, stackSetNone, stackSetConfirmDelete
    case stackSetDeleted, stackSetAssetsUnknown, stackSetAssetsNotARN, stackSetTemplateTooLarge, stackSetUpdated
    case stackSetInstancesIn, stackSetInstanceOf, stackSetOperation, stackSetInstancesStand, stackSetNoInstances, stackSetStillRunning
    case stackSetOperationEnded
    case stackSetNoneListed, stackSetInstancesListed
    case costPriceTable, costOnline, costStanding, costStandingNoEndpoint, costOneEndpoint, costEndpoints, costOneZone
    case costZones, costGatewayFree, costEnd, costZonesPerSubnet, costSTS, costUnavailable, costSavingExisting
    case costSavingListed, costSavingOneZone, costSavingFewerZones, costSavingNoSTS, costExample, costMore, costUnitPrices
    case costUnitPriceSource, costUnitPriceAssumed, costAssumedOtherRegion, costAssumedSecondarySource
    case costUnitPrice, costUsage, priceEndpointHour, priceEndpointGB, priceBuildMinute, priceCodeArtifactGBMonth
    case priceCodeArtifact10kRequests, pricePipelineV1Month, pricePipelineV2ActionMinute, priceLogsIngestionGB
    case perEndpointHour, perEndpointGB, perBuildMinute, perCodeArtifactGBMonth, perCodeArtifact10kRequests, perPipelineV1Month
    case perPipelineV2ActionMinute, perLogsIngestionGB, countEndpointHours, countGB, countBuildMinutes, countGBMonths
    case countRequests, countPipelineMonths, countActionMinutes
    case roleRequirement, roleRequirementFiles, leastPrivilegeWarning
    case preflightVpcMissing, preflightSubnetMissing, preflightSubnetElsewhere, preflightZoneShared, preflightZoneNotOffered
    case preflightTableUnused, preflightTableMissing, preflightOtherType, preflightExistingMissing, preflightGatewayOffTable
    case preflightPrivateDNSOff, preflightNotAdmitting, preflightPolicyUnread, preflightPolicyRefuses, preflightRoleElsewhere
    case preflightRoleMissing, preflightRoleDistrusts, preflightGroupMissing, preflightGroupElsewhere
    case preflightTableUnusedByNone, preflightNotAdmittingBuildGroup, preflightRoleTrustsNone, listAnd
    case policyRequest, policyAssetsBucket, listRequests, listRefused
    case problemNotFound, problemListedMissing, problemForeign, adviceBuildRole, advicePipelineRole, adviceEventsNames, adviceChooseAnother
    case adviceDomainOwner, adviceDomainShared, adviceSourceCreate, adviceSourceRepository, adviceSecurityGroup, adviceLogGroup
    case kindIAMRole, kindInlinePolicy, kindBuildProject, kindPipeline, kindSourceRepository, kindBranch, kindSecurityGroup, kindEndpoint
    case kindBucket, kindDomain, kindRepository, kindRule, kindLogGroup, kindVPC, kindSubnet, kindRouteTable
}

extension Phrase {
    /// The text in `language`, each `{name}` replaced by `values[name]`.
    public func text(_ language: Language, _ values: [String: String] = [:]) -> String {
        template(language).filled { name, _ in value(name, in: values) }
    }

    /// The text as one word of a script line: `values` may hold runtime variables (`$EXECUTION`).
    func arg(_ language: Language, _ values: [String: Arg]) -> Arg {
        var arg = Arg.text("")
        template(language).pieces.forEach { piece in
            switch piece {
            case .text(let text): arg = arg + text
            case .placeholder(let name): arg = arg + value(name, in: values)
            }
        }
        return arg
    }

    /// The text for bash, between the quotes it stands in: each placeholder is the bash
    /// expansion it names (`{STEP}` is `$STEP`, `{#PROBLEMS[@]}` is `${#PROBLEMS[@]}`, `{$(...)}`
    /// a command's output), but those in `literal`, which stand for vpcpipe's own words.
    func bash(_ language: Language, literal: [String: String] = [:]) -> String {
        template(language).filled { name, next in
            if let text = literal[name] { return text }
            if name.hasPrefix("$(") { return name }
            let simple = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                && (name.count == 1 || !(name.first?.isNumber ?? true))
            let joins = next.map { !$0.isASCII || $0.isLetter || $0.isNumber || $0 == "_" } ?? false
            return simple && !joins ? "$" + name : "${" + name + "}"
        }
    }

    /// The bash library's `@say:KEY@` replaced by the messages in `language` (`{script}`: the
    /// script's name).
    static func said(in text: String, _ language: Language, script: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "@say:") {
            guard let end = rest[start.upperBound...].firstIndex(of: "@"),
                  let message = Phrase(rawValue: String(rest[start.upperBound..<end])) else {
                preconditionFailure("unknown message at \(rest[start.lowerBound...].prefix(40))")
            }
            out += rest[..<start.lowerBound] + message.bash(language, literal: ["script": script])
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    func template(_ language: Language) -> TextTemplate { Self.parsed.template(self, language) }

    private static let parsed = ParsedCatalog { $0.catalog }

    private func value<Value>(_ name: String, in values: [String: Value]) -> Value {
        guard let value = values[name] else { preconditionFailure("\(self) needs {\(name)}") }
        return value
    }
}
