namespace Chat9.Application.Chat.Pipeline.Output;

/// <summary>
/// Whether the answer text is inside Markdown code (a <c>```</c> fence or a <c>`span`</c>), where <c>items[1]</c> is
/// code and must not be read as a citation. An unclosed inline span ends at the line break, so one stray backtick
/// cannot switch citation handling off for the rest of the answer.
/// </summary>
internal sealed class MarkdownCodeState
{
    private bool _inFence;
    private int _inlineTicks;

    public bool Inside => _inFence || _inlineTicks > 0;

    public void OnBackticks(int count)
    {
        if (_inFence)
        {
            _inFence = count < 3;
        }
        else if (_inlineTicks > 0)
        {
            _inlineTicks = count == _inlineTicks ? 0 : _inlineTicks;
        }
        else if (count >= 3)
        {
            _inFence = true;
        }
        else
        {
            _inlineTicks = count;
        }
    }

    public void OnLineBreak() => _inlineTicks = 0;
}
