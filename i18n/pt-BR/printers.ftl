# A página Impressoras (CUPS; as mudanças que um administrador precisa permitir passam pelo
# cups-pk-helper e pelo polkit; as impressoras de rede são encontradas pelo Avahi).

printers-title = Impressoras
    .keywords = impressora;impressoras;imprimir;impressão;fila;fila de impressão;trabalhos;tinta;cartucho;toner;papel;scanner;impressora de rede;printer;print;cups;ipp;airprint;driverless

## A lista de impressoras.
printers-none = Nenhuma impressora foi adicionada ainda.
printers-add = Adicionar uma impressora…
printers-default-mark = Impressora padrão
printers-set-default = Tornar padrão
printers-pause = Pausar
printers-resume = Retomar
printers-test-page = Imprimir uma página de teste
printers-test-page-sent = Uma página de teste foi enviada para { $printer }.
printers-rename = Renomear
printers-rename-field = Novo nome
printers-rename-save = Salvar
printers-rename-cancel = Cancelar
printers-remove = Remover
printers-remove-question = Remover “{ $printer }”?
printers-remove-explain = Os trabalhos dela que estão esperando serão cancelados. Você pode adicioná-la de novo depois.
printers-remove-confirm = Remover
printers-remove-cancel = Cancelar
printers-details = Detalhes
printers-hide-details = Ocultar detalhes
printers-options = Opções padrão
printers-jobs-heading = Trabalhos
printers-location = Local
printers-address = Endereço
printers-model = Modelo
printers-dismiss = Fechar
printers-ink-heading = Tinta e toner
printers-ink-level = { $marker }: { $percent }%
printers-waste-level = { $marker }: { $percent }% de espaço livre
printers-ink-unknown = { $marker }: nível desconhecido
printers-ink-none = A impressora não informa os níveis de tinta ou toner.

## Estados da impressora e os motivos, em palavras simples.
printers-state-idle = Pronta
printers-state-printing = Imprimindo
printers-state-stopped = Pausada
printers-state-not-accepting = Não está aceitando novos trabalhos
printers-reason-media-empty = Sem papel.
printers-reason-media-jam = Papel atolado.
printers-reason-media-low = O papel está acabando.
printers-reason-offline = A impressora está desconectada.
printers-reason-toner-low = O toner está baixo.
printers-reason-toner-empty = Sem toner.
printers-reason-marker-low = A tinta está baixa.
printers-reason-marker-empty = Sem tinta.
printers-reason-waste-full = O recipiente de tinta ou toner usado está cheio.
printers-reason-cover-open = Uma tampa está aberta.
printers-reason-door-open = Uma porta está aberta.
printers-reason-tray-missing = Falta uma bandeja de papel.
printers-reason-output-full = A bandeja de saída está cheia.
printers-reason-shutdown = A impressora está desligada.
printers-reason-missing-filter = Falta um programa necessário para imprimir nesta impressora.
printers-reason-paused = Pausada por um administrador.
printers-reason-connecting = Conectando à impressora…
printers-reason-other = A impressora informa “{ $reason }”.

## Trabalhos.
printers-jobs-none = Nenhum trabalho está esperando.
printers-job-title-unknown = Documento sem título
printers-job-private = Documento de outra pessoa
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
    [one] { $pages } página
   *[other] { $pages } páginas
}
printers-job-pending = Esperando
printers-job-held = Retido
printers-job-processing = Imprimindo
printers-job-stopped = Parado
printers-job-canceled = Cancelado
printers-job-aborted = Falhou
printers-job-completed = Impresso
printers-job-cancel = Cancelar
printers-job-hold = Reter
printers-job-release = Liberar
printers-jobs-cancel-mine = Cancelar todos os meus trabalhos

## Opções (os padrões da própria impressora).
printers-option-media = Tamanho do papel
printers-option-sides = Frente e verso
printers-sides-one = Só frente
printers-sides-long = Frente e verso, borda longa (livro)
printers-sides-short = Frente e verso, borda curta (bloco de notas)
printers-option-color = Cor
printers-color-color = Colorido
printers-color-monochrome = Preto e branco
printers-color-auto = Automático
printers-option-quality = Qualidade
printers-quality-draft = Rascunho
printers-quality-normal = Normal
printers-quality-high = Alta

## Adicionar uma impressora.
printers-add-heading = Adicionar uma impressora
printers-add-close = Fechar
printers-add-searching = Procurando impressoras na rede…
printers-add-none-found = Nenhuma impressora foi encontrada na rede ainda. Você pode adicionar uma pelo endereço.
printers-add-discovery-unavailable = Não é possível procurar impressoras na rede: o serviço de descoberta (Avahi) não está em execução. Você ainda pode adicionar uma pelo endereço.
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = A busca por impressoras na rede falhou.
printers-add-this = Adicionar
printers-add-added = Já adicionada
printers-add-needs-driver = Precisa de um driver que o Ferrum não tem: só é possível adicionar impressoras que funcionam sem driver (IPP Everywhere, AirPrint).
printers-add-by-address = Adicionar pelo endereço
printers-add-address-field = Endereço (ipp://, ipps:// ou um nome de host)
printers-add-address-button = Adicionar
printers-added = { $printer } foi adicionada.

## Erros no endereço, informados antes de consultar o CUPS.
printers-address-empty = Digite o endereço da impressora.
printers-address-scheme = Só é possível usar endereços ipp:// e ipps:// (ou um nome de host).
printers-address-host = “{ $host }” não é um nome de host nem um endereço IP válido.
printers-address-port = A porta precisa ser um número de 1 a 65535.
printers-address-spaces = Um endereço não pode conter espaços.
printers-address-path = A parte depois do host não é um caminho de impressora válido.

## Erros no nome.
printers-name-empty = Digite um nome para a impressora.
printers-name-invalid = O nome de uma impressora não pode conter espaços, “/” nem “#” e tem no máximo 127 caracteres.
printers-name-too-long = O nome de uma impressora pode ter no máximo 127 caracteres.

## Falhas.
printers-not-running = O serviço de impressão não está em execução
    .body = O CUPS não está em execução. A página volta a mostrar as impressoras assim que ele voltar.
printers-unreadable = Não é possível ler as impressoras
printers-error-not-running = O serviço de impressão (CUPS) não está em execução.
printers-error-not-authorized = Um administrador não permitiu; nada foi alterado.
printers-error-helper-missing = O serviço de administração de impressoras (cups-pk-helper) não está disponível.
printers-error-timeout = O serviço de impressão não respondeu a tempo.
printers-error-refused = O CUPS recusou: { $message }
printers-error-not-found = A impressora ou o trabalho não existe mais.
printers-error-bad-answer = O serviço de impressão deu uma resposta que não pôde ser lida.
printers-error-unreachable = Não foi possível acessar o serviço de impressão.
printers-error-bus = O barramento do sistema não entregou o pedido.
printers-failed-add = Não foi possível adicionar { $printer }.
printers-failed-remove = Não foi possível remover { $printer }.
printers-failed-default = Não foi possível tornar { $printer } a padrão.
printers-failed-pause = Não foi possível pausar { $printer }.
printers-failed-resume = Não foi possível retomar { $printer }.
printers-failed-accepting = Não foi possível mudar se { $printer } aceita trabalhos.
printers-failed-rename = Não foi possível renomear { $printer }.
printers-failed-test-page = Não foi possível imprimir uma página de teste em { $printer }.
printers-failed-option = Não foi possível alterar as opções de { $printer }.
printers-failed-job = Não foi possível alterar o trabalho “{ $job }”.
