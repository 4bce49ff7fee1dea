using System.Xml;
using Madar21.Web.Text;

namespace Madar21.Web.Discovery;

/// <summary>
/// Passes everything to the inner writer, with every piece of text first cleared of the characters XML cannot
/// carry (<see cref="TextCleaning.ForXml"/>). Input is cleaned when it is saved, but a title stored before that, or
/// written by some other path, must not make a feed or a sitemap fail for every reader: the XML writer would throw
/// on a single U+0001.
/// </summary>
public sealed class XmlTextCleaningWriter(XmlWriter inner) : XmlWriter
{
    public override WriteState WriteState => inner.WriteState;
    public override XmlWriterSettings? Settings => inner.Settings;

    public override void WriteString(string? text) => inner.WriteString(text is null ? null : TextCleaning.ForXml(text));
    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));
    public override void WriteCData(string? text) => inner.WriteCData(text is null ? null : TextCleaning.ForXml(text));
    public override void WriteComment(string? text) => inner.WriteComment(text is null ? null : TextCleaning.ForXml(text));
    public override void WriteRaw(string data) => inner.WriteRaw(TextCleaning.ForXml(data));
    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(new string(buffer, index, count));

    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);
    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);
    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void Flush() => inner.Flush();
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
