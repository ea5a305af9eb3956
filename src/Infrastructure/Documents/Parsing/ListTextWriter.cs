using System.Text;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Writes a whole list as one text: "- item" lines, nested items indented two spaces per level.</summary>
internal sealed class ListTextWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts an item; further lines of a multi-line item are aligned under its first word.</summary>
    public void AddItem(int depth, string marker, string text)
    {
        var lines = text.Trim().Split('\n');
        var indent = new string(' ', depth * 2);
        _text.Append(indent).Append(marker).Append(' ').Append(lines[0].Trim()).Append('\n');
        AppendLines(lines.Skip(1), indent + new string(' ', marker.Length + 1));
    }

    /// <summary>Adds a later paragraph of the item opened last at <paramref name="depth"/>.</summary>
    public void AddContinuation(int depth, string marker, string text) =>
        AppendLines(text.Trim().Split('\n'), new string(' ', depth * 2 + marker.Length + 1));

    public override string ToString() => _text.ToString().TrimEnd();

    private void AppendLines(IEnumerable<string> lines, string indent)
    {
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            _text.Append(indent).Append(line.TrimEnd()).Append('\n');
        }
    }
}
