using System.Reflection;
using System.Text;

namespace Chat9.WebApi.Infrastructure.StaticAssets;

/// <summary>The files of <c>src/WebApi/Widget/</c>, embedded in the assembly: the widget script and the demo page templates.</summary>
public sealed class WidgetAssets
{
    public WidgetAssets()
    {
        Script = new CompressedAsset(Read("widget.js"), "text/javascript; charset=utf-8");
        DemoPage = Encoding.UTF8.GetString(Read("demo.html"));
        DemoDocPage = Encoding.UTF8.GetString(Read("demo-doc.html"));
    }

    public CompressedAsset Script { get; }

    /// <summary>The demo landing page with <c>{{BOT_ID}}</c>, <c>{{BOT_NAME}}</c> and <c>{{NOTICE}}</c> placeholders.</summary>
    public string DemoPage { get; }

    /// <summary>The page around one sample document: <c>{{TITLE}}</c>, <c>{{CONTENT}}</c>, <c>{{BOT_ID}}</c>.</summary>
    public string DemoDocPage { get; }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Chat9.Widget.{name}")
            ?? throw new InvalidOperationException($"The embedded widget file '{name}' is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
