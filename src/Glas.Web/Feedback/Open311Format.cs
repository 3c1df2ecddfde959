using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Glas.Web.Platform.Localization;

namespace Glas.Web.Feedback;

/// <summary>One object of an Open311 answer: its fields in the specification's order.</summary>
public sealed class Open311Item : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

/// <summary>
/// Writes Open311 GeoReport v2 answers in either format from the same items: a JSON array of
/// objects, or XML with the specification's root and element names. Dates are ISO 8601 with the
/// Sofia offset.
/// </summary>
public static class Open311Format
{
    public static string? Parse(string? format) => format?.ToLowerInvariant() switch
    {
        "json" => "json",
        "xml" => "xml",
        _ => null,
    };

    public static string Date(DateTimeOffset moment) => Formats.ToSofia(moment).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static IResult Write(string format, string root, string element, IEnumerable<Open311Item> items, int status = StatusCodes.Status200OK) =>
        format == "xml"
            ? Results.Text(Xml(root, element, items), "text/xml; charset=utf-8", Encoding.UTF8, status)
            : Results.Text(Json(items), "application/json; charset=utf-8", Encoding.UTF8, status);

    /// <summary>One object rather than a list (the service definition and the discovery document).</summary>
    public static IResult WriteOne(string format, string root, Open311Item item) =>
        format == "xml"
            ? Results.Text(XmlOne(root, item), "text/xml; charset=utf-8", Encoding.UTF8)
            : Results.Text(JsonOne(item), "application/json; charset=utf-8", Encoding.UTF8);

    /// <summary>Errors as the specification has them: a list of {code, description}, with the HTTP status of the first.</summary>
    public static IResult Errors(string format, int status, params string[] descriptions) =>
        Write(format, "errors", "error", descriptions.Select(d => new Open311Item { { "code", status }, { "description", d } }), status);

    private static string Json(IEnumerable<Open311Item> items)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                WriteJsonObject(w, item);
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string JsonOne(Open311Item item)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            WriteJsonObject(w, item);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteJsonObject(Utf8JsonWriter w, Open311Item item)
    {
        w.WriteStartObject();
        foreach (var (name, value) in item)
        {
            w.WritePropertyName(name);
            WriteJsonValue(w, value);
        }
        w.WriteEndObject();
    }

    private static void WriteJsonValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case double d:
                w.WriteNumberValue(d);
                break;
            case Open311Item o:
                WriteJsonObject(w, o);
                break;
            case IEnumerable<Open311Item> list:
                w.WriteStartArray();
                foreach (var o in list)
                {
                    WriteJsonObject(w, o);
                }
                w.WriteEndArray();
                break;
            case IEnumerable<string> strings:
                w.WriteStartArray();
                foreach (var s in strings)
                {
                    w.WriteStringValue(s);
                }
                w.WriteEndArray();
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static XmlWriterSettings Settings => new() { Encoding = new UTF8Encoding(false), Indent = true };

    private static string Xml(string root, string element, IEnumerable<Open311Item> items)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new Utf8StringWriter(sb), Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement(root);
            foreach (var item in items)
            {
                WriteXmlObject(w, element, item);
            }
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    private static string XmlOne(string root, Open311Item item)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new Utf8StringWriter(sb), Settings))
        {
            w.WriteStartDocument();
            WriteXmlObject(w, root, item);
        }
        return sb.ToString();
    }

    private static void WriteXmlObject(XmlWriter w, string element, Open311Item item)
    {
        w.WriteStartElement(element);
        foreach (var (name, value) in item)
        {
            switch (value)
            {
                case Open311Item o:
                    WriteXmlObject(w, name, o);
                    break;
                case IEnumerable<Open311Item> list:
                    // A list element holds one element per item, named after its singular.
                    w.WriteStartElement(name);
                    foreach (var o in list)
                    {
                        WriteXmlObject(w, Singular(name), o);
                    }
                    w.WriteEndElement();
                    break;
                case IEnumerable<string> strings when value is not string:
                    w.WriteStartElement(name);
                    foreach (var s in strings)
                    {
                        w.WriteElementString(Singular(name), s);
                    }
                    w.WriteEndElement();
                    break;
                case bool b:
                    w.WriteElementString(name, b ? "true" : "false");
                    break;
                default:
                    w.WriteElementString(name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static string Singular(string plural) => plural switch
    {
        "values" => "value",
        "attributes" => "attribute",
        "endpoints" => "endpoint",
        "formats" => "format",
        _ => plural.TrimEnd('s'),
    };

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
