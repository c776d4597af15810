using BulletinIngest.Extraction.Regions;
using BulletinIngest.Extraction.Roles;
using BulletinIngest.Extraction.Structure;
using BulletinIngest.Extraction.Text;

namespace BulletinIngest.Extraction.Tables;

/// <summary>
/// Reads a table cell written as prose (落实情况/备注: 已完成8所，完成率80%) as the progress of the row's item.
/// An interface so that the table builder does not depend on how prose is read.
/// </summary>
public interface ITableCellReader
{
    /// <summary>Figures of the item named <paramref name="itemName"/> that <paramref name="cell"/> reports.</summary>
    IReadOnlyList<FigureDraft> Read(string itemName, string cell);
}

/// <summary>The prose cell read as a numbered item's body under the row's name, by the item rules.</summary>
public sealed class ItemCellReader(RegionResolver regions, string issuingRegion, bool isPlan) : ITableCellReader
{
    private readonly ItemFigureBuilder _items = new(regions, issuingRegion, isPlan);

    public IReadOnlyList<FigureDraft> Read(string itemName, string cell)
    {
        string name = itemName.TrimEnd('。', '；', ';', '，', ',');
        var item = new ItemUnit(CompactText.From(name + "。" + cell), 1, null, SectionKind.Progress, null);
        return _items.Build(item).Where(d => d.HasNumbers).ToList();
    }
}
