import VpcpipeResources

// The catalog's dated price table (Resources/prices.tsv): a row a unit price of a region, with
// the date it was read and its source (a citation, in English and Japanese), and why it was
// assumed where it was not read for that region. scripts/refresh-prices rewrites it from the AWS
// Price List API.

extension Catalog {
    /// The table's prices by region, read once.
    public static let prices: [String: RegionPrices] = PriceTable.read(BundledText.priceTable)

    /// The table's prices of `region`, with `online` ones in place where the API gave them; nil
    /// for a region the table lacks.
    public static func prices(region: String, online: [PriceKey: UnitPrice] = [:]) -> RegionPrices? {
        prices[region].map { $0.overriding(with: online) }
    }
}

public enum PriceTable {
    /// The columns, in order; a line starting with # is a comment.
    public static let columns = ["region", "price", "usd", "date", "source", "source_ja", "assumption"]

    /// The comment the table starts with, as scripts/refresh-prices writes it.
    public static let header = """
        # vpcpipe's price table: USD unit prices for each region the catalog offers (Catalog.codeArtifactRegions).
        # Refresh with scripts/refresh-prices (README: What it costs). Tab-separated columns:
        # \(columns.joined(separator: ", ")); the date is when the figure was read, source_ja the source in Japanese,
        # the assumption empty where it was read for that region, else the region whose figure it is, or secondary (a single secondary source)

        """

    /// The table's rows by region. A row it cannot read is left out, and the test of the table
    /// (every region, every price) fails on what is missing.
    public static func read(_ text: String) -> [String: RegionPrices] {
        var regions: [String: RegionPrices] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns.count, let key = PriceKey(rawValue: fields[1]), let usd = Double(fields[2]) else { continue }
            let region = fields[0]
            regions[region, default: RegionPrices(region: region, prices: [:])].prices[key] =
                UnitPrice(usd: usd, origin: .table(date: fields[3], source: .words(en: fields[4], ja: fields[5])),
                          assumption: PriceAssumption(column: fields[6], region: region))
        }
        return regions
    }

    /// The rows for `prices`, as `read` reads them: what scripts/refresh-prices writes.
    public static func rows(_ prices: RegionPrices) -> [String] {
        PriceKey.all.compactMap { key in
            prices[key].map { price in
                [prices.region, key.rawValue, CostText.decimal(price.usd), price.origin.date, price.origin.source(.en),
                 price.origin.source(.ja), price.assumption?.column ?? ""]
                    .joined(separator: "\t")
            }
        }
    }
}
