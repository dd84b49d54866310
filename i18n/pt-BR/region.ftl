## A página Região e idioma: o idioma da pessoa e do computador, os formatos com uma
## prévia, os layouts de teclado do computador.

region-title = Região e idioma
    .keywords = idioma;região;localidade;locale;formatos;formato de data;formato de números;medidas;métrico;papel;A4;carta;teclado;layout;entrada;tradução

region-not-running = O serviço de idioma não está em execução
    .body = O idioma da tela de login, os formatos e o teclado vêm do systemd-localed. Esta página os mostra sozinha assim que ele estiver em execução.
region-unreadable = As configurações do serviço de idioma não podem ser lidas

region-language-heading = Idioma
region-person-language = Seu idioma
    .desc = Os aplicativos e a área de trabalho o usam a partir do seu próximo login.
region-person-unset = Não escolhido: o idioma da tela de login
region-person-unavailable = O idioma da sua conta não pode ser lido agora.
region-machine-language = Tela de login e novas contas
    .desc = O idioma da tela de login e de quem não escolheu um. Alterá-lo exige um administrador.
region-unset = Não definido
region-change = Alterar…
region-close = Fechar a lista

region-formats-heading = Formatos
region-formats = Datas, números, medidas e papel
    .desc = Escritos como nesta região, para todos neste computador. Alterá-los exige um administrador.
region-preview = Prévia
region-preview-date = Data
region-preview-short-date = Data em algarismos
region-preview-number = Número
region-preview-measurement = Medidas
region-preview-paper = Papel
region-preview-name = Prévia: { $date }; { $short }; { $number }; { $measurement }; { $paper }
region-measurement-metric = Métrico
region-measurement-us = Unidades dos EUA (polegadas, libras)
region-paper-a4 = A4
region-paper-letter = Carta dos EUA

region-keyboard-heading = Layouts de teclado
region-keyboard-explained = A tela de login e as novas sessões começam com estes layouts; o primeiro é usado primeiro. Alterá-los exige um administrador.
region-keyboard-none = Nenhum layout definido: o teclado é inglês (EUA).
region-layout-first = Usar primeiro
region-layout-remove = Remover
region-layout-add = Adicionar um layout…

region-picker-title = Adicionar um layout de teclado
region-picker-search = Pesquisar layouts
region-picker-loading = Lendo os layouts de teclado…
region-picker-none = Nenhum layout corresponde a “{ $query }”.
region-picker-more = Mais layouts correspondem: digite mais do nome.
region-cancel = Cancelar

region-changing-person = Mudando seu idioma para { $language }…
region-changing-language = Mudando o idioma da tela de login para { $language }…
region-changing-formats = Mudando para os formatos de { $language }…
region-changing-keyboard = Definindo os layouts de teclado…

region-error-person-refused = Seu idioma não foi alterado: sua conta não permitiu.
region-error-language-refused = O idioma da tela de login não foi alterado: um administrador não permitiu.
region-error-formats-refused = Os formatos não foram alterados: um administrador não permitiu.
region-error-keyboard-refused = Os layouts de teclado não foram alterados: um administrador não permitiu.
region-error-invalid = A alteração foi recusada: este computador não conhece esse idioma ou layout.
region-error-no-account = Seu idioma não foi alterado: o serviço de contas não conhece sua conta.
region-error-accounts-gone = Seu idioma não foi alterado: o serviço de contas não está em execução.
region-error-gone = Nada foi alterado: o serviço de idioma não está em execução.
region-error-no-answer = O serviço de idioma não respondeu. A alteração pode não ter sido feita; a página mostra o que o serviço diz assim que ele responder.
region-error-failed = A alteração falhou; nada foi alterado.
