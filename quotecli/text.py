"""Paragraphs, sentences and quotation-mark pairing as offset spans (stub, being written)."""
class TextDoc:
    def __init__(self, text):
        self.text = text
