namespace Chat9.Application.Chat.Pipeline.Privacy;

/// <summary>
/// A run of digit groups the way people write phone and card numbers: <c>+49 (30) 1234-5678</c>,
/// <c>4111 1111 1111 1111</c>. The redactor's candidate regex finds the run; this class splits it into groups so the
/// card and phone rules can pick the parts that qualify (a run may hold a date and a phone number, or two numbers).
/// </summary>
internal sealed class DigitRun
{
    private readonly List<(int Start, int Length)> _groups = [];

    private DigitRun(string text)
    {
        Text = text;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isDigit = i < text.Length && char.IsAsciiDigit(text[i]);
            if (isDigit && start < 0)
            {
                start = i;
            }
            else if (!isDigit && start >= 0)
            {
                _groups.Add((start, i - start));
                start = -1;
            }
        }
    }

    public string Text { get; }

    public int Count => _groups.Count;

    public static DigitRun Parse(string text) => new(text);

    public int Start(int group) => _groups[group].Start;

    public int End(int group) => _groups[group].Start + _groups[group].Length;

    public int Length(int group) => _groups[group].Length;

    public int Value(int group) => Length(group) > 9 ? int.MaxValue : int.Parse(Text.AsSpan(Start(group), Length(group)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The characters between group <paramref name="group"/> − 1 and <paramref name="group"/> (empty for the first).</summary>
    public ReadOnlySpan<char> SeparatorBefore(int group) =>
        group == 0 ? [] : Text.AsSpan(End(group - 1), Start(group) - End(group - 1));

    public int DigitCount(int first, int last)
    {
        var count = 0;
        for (var g = first; g <= last; g++)
        {
            count += Length(g);
        }

        return count;
    }

    public string Digits(int first, int last)
    {
        var digits = new System.Text.StringBuilder(DigitCount(first, last));
        for (var g = first; g <= last; g++)
        {
            digits.Append(Text, Start(g), Length(g));
        }

        return digits.ToString();
    }
}
