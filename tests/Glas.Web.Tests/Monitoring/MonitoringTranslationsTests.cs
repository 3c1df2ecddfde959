using System.Xml.Linq;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Monitoring;

/// <summary>Every text of policy monitoring has both languages.</summary>
[Trait("Category", "Unit")]
public class MonitoringTranslationsTests
{
    [Fact]
    public void Bulgarian_and_English_resources_have_the_same_keys()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Glas.Web/Resources/Monitoring"));
        static HashSet<string> Keys(string file) => XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var bg = Keys(Path.Combine(root, "MonitoringText.resx"));
        var en = Keys(Path.Combine(root, "MonitoringText.en.resx"));
        bg.Count.ShouldBeGreaterThan(150);
        bg.Except(en).ShouldBeEmpty("missing in English");
        en.Except(bg).ShouldBeEmpty("missing in Bulgarian");
    }
}
