import Foundation
import Planner

// The price table's refresh, run by scripts/refresh-prices (README: What it costs), which runs
// the AWS CLI itself: this tool only says which calls to make and reads what they printed.
//
//   vpcpipe-prices queries [REGION...]          a line a call: FILE, then the call's arguments
//                                               from `aws` on, tab-separated
//   vpcpipe-prices table DATE FOLDER [REGION...]  the table (Resources/prices.tsv) from the
//                                               FILEs in FOLDER, its figures read on DATE
//
// Regions default to every region of the catalog. A price the answers lack stops the table:
// it is written whole or not at all.

let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("vpcpipe-prices: \(message)\n".utf8))
    exit(1)
}

func regions(_ given: ArraySlice<String>) -> [String] {
    given.isEmpty ? Catalog.codeArtifactRegions : Array(given)
}

/// The file a call's answer is kept in: its region and service.
func file(_ region: String, _ query: Command) -> String {
    region + "." + (query.options.first { $0.name == "service-code" }?.values.first?.display ?? query.operation) + ".json"
}

switch arguments.first {
case "queries":
    for region in regions(arguments.dropFirst()) {
        for query in PriceList.queries(region: region) {
            print(([file(region, query)] + query.argv).joined(separator: "\t"))
        }
    }
case "table" where arguments.count >= 3:
    let date = arguments[1], folder = URL(fileURLWithPath: arguments[2])
    var rows: [String] = []
    for region in regions(arguments.dropFirst(3)) {
        let outputs = PriceList.queries(region: region).map { query in
            (try? String(contentsOf: folder.appendingPathComponent(file(region, query)), encoding: .utf8)) ?? ""
        }
        let (prices, problems) = PriceList.unitPrices(outputs, region: region, date: date)
        if !problems.isEmpty { fail(problems.map { $0.text(.en) }.joined(separator: "\n")) }
        rows += PriceTable.rows(RegionPrices(region: region, prices: prices))
    }
    print(PriceTable.header + rows.joined(separator: "\n"))
default:
    fail("usage: vpcpipe-prices queries [REGION...] | vpcpipe-prices table DATE FOLDER [REGION...]")
}
